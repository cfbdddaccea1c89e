// The link watch's and outbound HTTP's settings: defaults, units, and refusals naming the variable.
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/lib/server/config';

describe('outbound and jobs settings', () => {
	it('defaults to jobs on, a daily link check, 10 s and no allow-listed host', () => {
		expect(parseConfig({})).toMatchObject({ jobsEnabled: true, linkCheckIntervalHours: 24, outboundTimeoutMs: 10_000, outboundAllowHosts: [] });
	});

	it('reads seconds, hours and a host list (lower case, IPv6 without brackets)', () => {
		const c = parseConfig({
			JALONS_JOBS: 'false',
			JALONS_LINK_CHECK_INTERVAL_HOURS: '0',
			JALONS_OUTBOUND_TIMEOUT_SECONDS: '0.5',
			JALONS_OUTBOUND_ALLOW_HOSTS: '127.0.0.1, Donnees.Intranet ,[::1]'
		});
		expect(c).toMatchObject({ jobsEnabled: false, linkCheckIntervalHours: 0, outboundTimeoutMs: 500, outboundAllowHosts: ['127.0.0.1', 'donnees.intranet', '::1'] });
	});

	it('refuses nonsense with the variable named', () => {
		expect(() => parseConfig({ JALONS_OUTBOUND_TIMEOUT_SECONDS: 'ten' })).toThrow(/JALONS_OUTBOUND_TIMEOUT_SECONDS/);
		expect(() => parseConfig({ JALONS_OUTBOUND_TIMEOUT_SECONDS: '0' })).toThrow(ConfigError);
		expect(() => parseConfig({ JALONS_OUTBOUND_ALLOW_HOSTS: 'http://x/' })).toThrow(/JALONS_OUTBOUND_ALLOW_HOSTS/);
		expect(() => parseConfig({ JALONS_JOBS: 'yes' })).toThrow(/JALONS_JOBS/);
	});
});
