// The server-side request forgery guard's address rule: only ordinary public unicast addresses pass.
import { describe, expect, it } from 'vitest';
import { ipLiteral, isPublicAddress } from '../../src/lib/server/net/addresses';

describe('isPublicAddress', () => {
	it.each([
		'127.0.0.1',
		'127.8.9.1',
		'10.1.2.3',
		'172.16.0.1',
		'192.168.1.1',
		'169.254.169.254',
		'100.64.0.1',
		'0.0.0.0',
		'224.0.0.1',
		'255.255.255.255',
		'::',
		'::1',
		'fe80::1',
		'fc00::1',
		'fd12:3456::1',
		'ff02::1',
		'::ffff:127.0.0.1',
		'::ffff:10.0.0.1',
		'::ffff:169.254.169.254',
		'64:ff9b::a00:1',
		'not an address'
	])('refuses %s', (address) => {
		expect(isPublicAddress(address)).toBe(false);
	});

	it.each(['8.8.8.8', '194.5.6.7', '2a00:1450:4007:80e::200e', '::ffff:8.8.8.8'])('accepts %s', (address) => {
		expect(isPublicAddress(address)).toBe(true);
	});
});

describe('ipLiteral', () => {
	it('recognises IP literals, with or without IPv6 brackets, and not host names', () => {
		expect(ipLiteral('127.0.0.1')).toBe('127.0.0.1');
		expect(ipLiteral('[::1]')).toBe('::1');
		expect(ipLiteral('localhost')).toBeNull();
		expect(ipLiteral('www.info.gouv.fr')).toBeNull();
	});
});
