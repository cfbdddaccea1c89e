// Is this error "the database cannot be reached right now" (server stopped, restarting, network
// cut), as opposed to a bug? Such errors become a 503 with a retry hint instead of a 500, anywhere
// in a request — not only when the first connection is made (requestDb).
import { BusyError } from '../whole-plan-reads';

const CODES = new Set([
	'ECONNREFUSED',
	'ECONNRESET',
	'ETIMEDOUT',
	'EPIPE',
	'ENOTFOUND',
	'EAI_AGAIN',
	'57P01', // admin_shutdown
	'57P02', // crash_shutdown
	'57P03', // cannot_connect_now (starting up / shutting down)
	'53300', // too_many_connections
	'P1001', // Prisma: can't reach database server
	'P1002',
	'P1008', // Prisma: socket timeout
	'P1017' // Prisma: server closed the connection
]);
/**
 * Prisma's driver adapters name the failure (`DriverAdapterError.cause.kind`); a raw query's error
 * (P2010) carries it only under `meta.driverAdapterError`, with "Code: `N/A`" in its message.
 */
const KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
const MESSAGES = [
	/connection terminated/i,
	/connection (?:refused|reset|closed|ended)/i,
	/can't reach database server/i,
	/terminating connection due to administrator command/i,
	/the database system is (?:shutting down|starting up|in recovery mode|not yet accepting connections)/i,
	/Code: `(?:57P0[123]|08[0-9A-Z]{3})`/,
	/server closed the connection unexpectedly/i,
	/server has closed the connection/i,
	/client has encountered a connection error/i,
	/ECONNREFUSED|ECONNRESET/
];

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
	if (depth > 5 || error === null || typeof error !== 'object') return false;
	const e = error as { code?: unknown; message?: unknown; cause?: unknown; originalCode?: unknown; errors?: unknown; kind?: unknown; meta?: { driverAdapterError?: unknown } };
	if (typeof e.kind === 'string' && KINDS.has(e.kind)) return true;
	if (typeof e.code === 'string' && (CODES.has(e.code) || e.code.startsWith('08'))) return true;
	if (typeof e.originalCode === 'string' && (CODES.has(e.originalCode) || e.originalCode.startsWith('08'))) return true;
	if (typeof e.message === 'string' && MESSAGES.some((re) => re.test(e.message as string))) return true;
	if (Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) return true;
	if (typeof e.meta === 'object' && e.meta !== null && isDatabaseUnavailable(e.meta.driverAdapterError, depth + 1)) return true;
	return isDatabaseUnavailable(e.cause, depth + 1);
}

/** Worth a 503 and a retry: the database is out of reach, or the server is saturated (BusyError). */
export function isTemporarilyUnavailable(error: unknown): boolean {
	return error instanceof BusyError || isDatabaseUnavailable(error);
}
