// The configuration module: every variable parsed at start with a clear refusal of a bad value, and
// .env.example documenting exactly the variables the code reads (no missing one, no stale one).
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { ADAPTER_VARIABLES, APP_VARIABLES, ConfigError, parseConfig, publicOrigin, TOOL_VARIABLES } from '../../src/lib/server/config';

const root = path.resolve(__dirname, '../..');
const KNOWN = new Set<string>([...APP_VARIABLES, ...ADAPTER_VARIABLES, ...TOOL_VARIABLES]);
/** Refused on purpose: named in .env.example only to say so. */
const REFUSED = new Set(['HOST_HEADER', 'PROTOCOL_HEADER']);

function files(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const full = path.join(dir, name);
		if (name === 'node_modules' || name === 'generated') return [];
		return statSync(full).isDirectory() ? files(full) : /\.(ts|mjs|js|svelte)$/.test(name) ? [full] : [];
	});
}

describe('.env.example', () => {
	const example = readFileSync(path.join(root, '.env.example'), 'utf8');
	const documented = new Set([...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]!));

	it('documents every variable the config module knows', () => {
		expect([...KNOWN].filter((name) => !documented.has(name) && !REFUSED.has(name))).toEqual([]);
	});

	it('documents no variable the code does not read', () => {
		expect([...documented].filter((name) => !KNOWN.has(name))).toEqual([]);
		for (const name of REFUSED) expect(example).not.toMatch(new RegExp(`^#?\\s*${name}=`, 'm'));
	});

	it('lists every variable read anywhere in the code, and src/ reads them through the config module only', () => {
		const sources = ['src', 'scripts', 'tests', 'bench']
			.flatMap((dir) => files(path.join(root, dir)))
			.concat(['playwright.config.ts', 'vite.config.ts', 'svelte.config.js'].map((f) => path.join(root, f)));
		const read = new Set<string>();
		for (const file of sources) {
			const text = readFileSync(file, 'utf8');
			for (const m of text.matchAll(/process\.env(?:\.([A-Z][A-Z0-9_]+)|\[['"]([A-Z][A-Z0-9_]+)['"]\])/g)) read.add((m[1] ?? m[2])!);
			if (file.startsWith(path.join(root, 'src')) && !file.endsWith(path.join('server', 'config.ts'))) expect(text, path.relative(root, file)).not.toMatch(/process\.env/);
		}
		expect(read.size).toBeGreaterThan(5);
		expect([...read].filter((name) => !KNOWN.has(name) && !['PRISMA_SCHEMA_ENGINE_BINARY', 'NODE_ENV', 'PATH'].includes(name))).toEqual([]);
	});
});

describe('parseConfig', () => {
	it('gives the documented defaults for an empty environment', () => {
		const c = parseConfig({});
		expect(c).toMatchObject({
			production: false,
			databasePoolSize: 10,
			dataDir: 'data/pglite',
			purgeIntervalHours: 6,
			logLevel: 'info',
			pageCacheBytes: 64 * 1024 * 1024,
			wholePlanReads: 2,
			port: 3000
		});
		expect(c.seedOnStart).toBeUndefined();
		expect(publicOrigin(c)).toBe('http://localhost:3000');
		expect(publicOrigin(parseConfig({ NODE_ENV: 'development' }))).toBe('http://localhost:5173');
	});

	it('reads units and booleans', () => {
		const c = parseConfig({
			JALONS_PURGE_INTERVAL_HOURS: '0',
			JALONS_PAGE_CACHE_MB: '1.5',
			JALONS_SEED_ON_START: 'false',
			DATABASE_POOL_SIZE: '4',
			ORIGIN: 'https://jalons.example.gouv.fr/'
		});
		expect(c).toMatchObject({ purgeIntervalHours: 0, pageCacheBytes: 1.5 * 1024 * 1024, seedOnStart: false, databasePoolSize: 4, origin: 'https://jalons.example.gouv.fr' });
		// Empty counts as unset (compose files write `VAR=`).
		expect(parseConfig({ JALONS_PURGE_INTERVAL_HOURS: '' }).purgeIntervalHours).toBe(6);
	});

	it.each([
		['JALONS_PURGE_INTERVAL_HOURS', 'six'],
		['JALONS_PURGE_INTERVAL_HOURS', '-1'],
		['JALONS_PURGE_INTERVAL_HOURS', '6h'],
		['JALONS_PAGE_CACHE_MB', '64M'],
		['JALONS_WHOLE_PLAN_READS', '0'],
		['JALONS_WHOLE_PLAN_READS', '2.5'],
		['DATABASE_POOL_SIZE', 'ten'],
		['PORT', '70000'],
		['JALONS_SEED_ON_START', 'yes'],
		['LOG_LEVEL', 'verbose'],
		['DATABASE_URL', 'mysql://x@y/z'],
		['SMTP_URL', 'http://mail.example'],
		['ORIGIN', 'jalons.example.gouv.fr'],
		['ORIGIN', 'https://jalons.example.gouv.fr/app'],
		['ORIGIN', 'ftp://jalons.example.gouv.fr'],
		['ORIGIN', 'https://user:pw@jalons.example.gouv.fr'],
		['HOST_HEADER', 'x-forwarded-host'],
		['PROTOCOL_HEADER', 'x-forwarded-proto']
	])('refuses %s=%j with a message naming it', (name, value) => {
		expect(() => parseConfig({ [name]: value })).toThrow(ConfigError);
		expect(() => parseConfig({ [name]: value })).toThrow(new RegExp(`${name}=`));
	});

	it('lists every bad variable at once', () => {
		expect(() => parseConfig({ PORT: 'x', LOG_LEVEL: 'loud' })).toThrow(/PORT=[\s\S]*LOG_LEVEL=|LOG_LEVEL=[\s\S]*PORT=/);
	});

	it('requires ORIGIN in production, with a clear message', () => {
		expect(() => publicOrigin(parseConfig({ NODE_ENV: 'production' }))).toThrow(/ORIGIN is required in production/);
		expect(publicOrigin(parseConfig({ NODE_ENV: 'production', ORIGIN: 'https://jalons.example.gouv.fr' }))).toBe('https://jalons.example.gouv.fr');
	});
});

describe('ProConnect variables', () => {
	const all = { PROCONNECT_ISSUER: 'https://auth.agentconnect.gouv.fr/api/v2', PROCONNECT_CLIENT_ID: 'id', PROCONNECT_CLIENT_SECRET: 'secret' };

	it('are off when unset, with levels defaulting to eidas1 when on', () => {
		expect(parseConfig({}).proConnect).toBeNull();
		expect(parseConfig(all).proConnect).toEqual({
			...{ issuer: all.PROCONNECT_ISSUER, clientId: 'id', clientSecret: 'secret' },
			acrValues: ['eidas1'],
			staffAcrValues: ['eidas1']
		});
		expect(parseConfig({ ...all, PROCONNECT_ACR_VALUES: 'eidas1, eidas2', PROCONNECT_STAFF_ACR_VALUES: 'eidas2' }).proConnect).toMatchObject({
			acrValues: ['eidas1', 'eidas2'],
			staffAcrValues: ['eidas2']
		});
	});

	it('refuse half a configuration, an http issuer off the loopback, and levels without a client', () => {
		expect(() => parseConfig({ PROCONNECT_ISSUER: all.PROCONNECT_ISSUER })).toThrow(/PROCONNECT_CLIENT_ID/);
		expect(() => parseConfig({ ...all, PROCONNECT_ISSUER: 'http://auth.example.gouv.fr/api/v2' })).toThrow(/PROCONNECT_ISSUER/);
		expect(() => parseConfig({ PROCONNECT_STAFF_ACR_VALUES: 'eidas2' })).toThrow(/PROCONNECT_STAFF_ACR_VALUES/);
		expect(parseConfig({ ...all, PROCONNECT_ISSUER: 'http://127.0.0.1:4650' }).proConnect?.issuer).toBe('http://127.0.0.1:4650');
	});
});
