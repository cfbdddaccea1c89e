// Which resolved addresses an outbound request may connect to. The ranges come from ipaddr.js (a
// maintained npm library, also used by Express's proxy-addr) rather than from a hand-written list:
// only what it classifies as ordinary global "unicast" passes; loopback, private (RFC 1918),
// carrier-grade NAT, link-local, unique-local, multicast, unspecified, broadcast, documentation,
// NAT64, 6to4, Teredo and the other special ranges are refused. An IPv4-mapped IPv6 address
// (::ffff:10.0.0.1) is judged as the IPv4 address it carries.
import ipaddr from 'ipaddr.js';

/** The address without IPv6 brackets, or null when `host` is a name rather than an IP literal. */
export function ipLiteral(host: string): string | null {
	const bare = host.replace(/^\[(.*)\]$/, '$1');
	return ipaddr.isValid(bare) ? bare : null;
}

/** The range ipaddr.js names for `address` ('unicast' for an ordinary public address). */
export function addressRange(address: string): string {
	return ipaddr.process(address).range();
}

/** True when a request may connect to `address` without the host being allow-listed. */
export function isPublicAddress(address: string): boolean {
	if (!ipaddr.isValid(address)) return false;
	return addressRange(address) === 'unicast';
}
