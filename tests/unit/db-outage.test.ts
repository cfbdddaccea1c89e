// Which errors mean "database unreachable right now" (answered 503) rather than a bug (500).
import { describe, expect, test } from 'vitest';
import { DriverAdapterError } from '@prisma/driver-adapter-utils';
import { Prisma } from '../../src/lib/server/db/generated/client';
import { isDatabaseUnavailable } from '../../src/lib/server/db/outage';

/** A raw query's error as Prisma 7 raises it (P2010): the adapter's error only under `meta`. */
const rawQueryFailed = (message: string, driverAdapterError?: DriverAdapterError) =>
	new Prisma.PrismaClientKnownRequestError(`\nInvalid \`prisma.$queryRaw()\` invocation:\n\n\nRaw query failed. Code: \`N/A\`. Message: \`${message}\``, {
		code: 'P2010',
		clientVersion: '7',
		meta: driverAdapterError ? { driverAdapterError } : {}
	});

describe('isDatabaseUnavailable', () => {
	test('connection failures, shutdowns and restarts', () => {
		expect(isDatabaseUnavailable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe(true);
		expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
		expect(isDatabaseUnavailable(new Error("Invalid `prisma.user.findUnique()` invocation:\n\nCan't reach database server at 127.0.0.1:5432"))).toBe(true);
		expect(isDatabaseUnavailable(new Error('Database error. Code: `57P03`. Message: `the database system is not yet accepting connections`'))).toBe(true);
		expect(isDatabaseUnavailable(Object.assign(new Error('x'), { code: '57P01' }))).toBe(true);
		expect(isDatabaseUnavailable(new Error('wrapped', { cause: Object.assign(new Error('y'), { code: '08006' }) }))).toBe(true);
	});
	test("a raw query whose connection closed (the load test's rare 500): by its message, or by the adapter's kind", () => {
		expect(isDatabaseUnavailable(rawQueryFailed('Server has closed the connection.'))).toBe(true);
		expect(isDatabaseUnavailable(rawQueryFailed('(message worded otherwise)', new DriverAdapterError({ kind: 'ConnectionClosed' })))).toBe(true);
		expect(isDatabaseUnavailable(rawQueryFailed('(message worded otherwise)', new DriverAdapterError({ kind: 'SocketTimeout' })))).toBe(true);
		expect(
			isDatabaseUnavailable(rawQueryFailed('Unique constraint failed', new DriverAdapterError({ kind: 'UniqueConstraintViolation', constraint: { fields: ['email'] } })))
		).toBe(false);
	});
	test('everything else stays a 500', () => {
		expect(isDatabaseUnavailable(new Error('Unique constraint failed on the fields: (`email`)'))).toBe(false);
		expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
		expect(isDatabaseUnavailable(Object.assign(new Error('x'), { code: 'P2002' }))).toBe(false);
		expect(isDatabaseUnavailable('ECONNREFUSED as a plain string is not an error object')).toBe(false);
		expect(isDatabaseUnavailable(null)).toBe(false);
	});
});
