// Every environment variable Jalons reads, parsed once with zod: names, defaults and units live here
// and nowhere else (.env.example documents the same list; tests/unit/config.test.ts checks both ways).
// An invalid value stops the server or the script at start with a message naming the variable,
// instead of being read as a default (a non-numeric purge interval used to disable purging silently).
import { z } from 'zod';

type Env = Record<string, string | undefined>;

export class ConfigError extends Error {
	constructor(problems: string[]) {
		super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}\nSee .env.example for every variable and its default.`);
		this.name = 'ConfigError';
	}
}

const number = (what: string, check: (n: number) => boolean) =>
	z
		.string()
		.regex(/^\d+(?:\.\d+)?$/, `expected ${what}`)
		.transform(Number)
		.refine(check, `expected ${what}`);
const integer = (min: number, max: number) => number(`a whole number from ${min} to ${max}`, (n) => Number.isInteger(n) && n >= min && n <= max);

/** An origin users type: scheme, host and port only (no path, query or credentials). */
const origin = z.string().transform((value, ctx) => {
	let url: URL | null = null;
	try {
		url = new URL(value);
	} catch {
		// reported below
	}
	const plain = url && (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password && url.pathname === '/' && !url.search && !url.hash;
	if (!url || !plain) {
		ctx.addIssue({ code: 'custom', message: 'expected an origin such as https://jalons.example.gouv.fr (no path)' });
		return z.NEVER;
	}
	return url.origin;
});

const urlWithScheme = (schemes: string[]) =>
	z.string().refine(
		(value) => {
			try {
				return schemes.includes(new URL(value).protocol);
			} catch {
				return false;
			}
		},
		`expected a URL starting with ${schemes.map((s) => `${s}//`).join(' or ')}`
	);

/** Authentication levels (`acr`), comma-separated: `eidas1,https://proconnect.gouv.fr/assurance/…`. */
const acrList = z
	.string()
	.transform((value) =>
		value
			.split(',')
			.map((v) => v.trim())
			.filter(Boolean)
	)
	.refine((values) => values.length > 0 && values.every((v) => /^[\x21-\x7e]{1,200}$/.test(v)), 'expected acr values separated by commas');

/** Host names, comma-separated: `127.0.0.1,donnees.intranet`. */
const hostList = z
	.string()
	.transform((value) =>
		value
			.split(',')
			.map((v) =>
				v
					.trim()
					.toLowerCase()
					.replace(/^\[(.*)\]$/, '$1')
			)
			.filter(Boolean)
	)
	.refine((values) => values.every((v) => /^[a-z0-9.:_-]{1,253}$/.test(v)), 'expected host names or addresses separated by commas');

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The issuer ProConnect's discovery document names (https://…/api/v2): https only, except on the
 * loopback, where the tests run their own OpenID provider over plain http.
 */
function parseIssuer(value: string): string | null {
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		return null;
	}
	if (url.username || url.password || url.search || url.hash) return null;
	if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))) return null;
	return url.href.replace(/\/$/, '');
}

const refused = (why: string) => z.undefined({ error: why });

/** Read by the app and its scripts (npm run db:migrate, digest, …). */
const appSchema = z.object({
	NODE_ENV: z.string().optional(),
	DATABASE_URL: urlWithScheme(['postgres:', 'postgresql:']).optional(),
	DATABASE_POOL_SIZE: integer(1, 1000).default(10),
	JALONS_DATA_DIR: z.string().default('data/pglite'),
	JALONS_SEED_ON_START: z
		.enum(['true', 'false'], { error: 'expected true or false' })
		.transform((v) => v === 'true')
		.optional(),
	JALONS_MIGRATIONS_DIR: z.string().optional(),
	ORIGIN: origin.optional(),
	PORT: integer(0, 65535).optional(),
	JALONS_PURGE_INTERVAL_HOURS: number('a number of hours, 0 or more (0 = never)', (n) => n >= 0).default(6),
	LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'], { error: 'expected debug, info, warn or error' }).default('info'),
	JALONS_PAGE_CACHE_MB: number('a number of megabytes, 0 or more (0 = off)', (n) => n >= 0).default(64),
	JALONS_READ_MODELS: integer(0, 100_000).default(2000),
	JALONS_WHOLE_PLAN_READS: integer(1, 64).default(2),
	JALONS_JOBS: z
		.enum(['true', 'false'], { error: 'expected true or false' })
		.transform((v) => v === 'true')
		.default(true),
	JALONS_LINK_CHECK_INTERVAL_HOURS: number('a number of hours, 0 or more (0 = never)', (n) => n >= 0).default(24),
	JALONS_OUTBOUND_TIMEOUT_SECONDS: number('a number of seconds from 0.05 to 120', (n) => n >= 0.05 && n <= 120).default(10),
	JALONS_OUTBOUND_ALLOW_HOSTS: hostList.default([]),
	SMTP_URL: urlWithScheme(['smtp:', 'smtps:']).optional(),
	MAIL_FROM: z.string().default('Jalons <ne-pas-repondre@jalons.invalid>'),
	// adapter-node would build URLs from these forgeable request headers when ORIGIN is unset; Jalons
	// takes its address from ORIGIN alone (reset and invitation links must not follow a forged header).
	PROCONNECT_ISSUER: z.string().optional(),
	PROCONNECT_CLIENT_ID: z.string().max(200).optional(),
	PROCONNECT_CLIENT_SECRET: z.string().max(500).optional(),
	PROCONNECT_ACR_VALUES: acrList.optional(),
	PROCONNECT_STAFF_ACR_VALUES: acrList.optional(),
	HOST_HEADER: refused('not supported: set ORIGIN to the public address instead'),
	PROTOCOL_HEADER: refused('not supported: set ORIGIN to the public address instead')
});

/** Read by adapter-node itself (build/index.js), before any Jalons code: documented, not parsed here. */
export const ADAPTER_VARIABLES = ['HOST', 'BODY_SIZE_LIMIT', 'SHUTDOWN_TIMEOUT', 'ADDRESS_HEADER', 'XFF_DEPTH'] as const;
/** Read only by the test and measurement tools (scripts/test.mjs, Playwright, load test, fuzzers, bench/query-tap.mjs). */
export const TOOL_VARIABLES = [
	'CHROME_PATH',
	'BASE_URL',
	'CI',
	'E2E_PORT',
	'E2E_WORKERS',
	'E2E_DATABASE_URLS',
	'E2E_DATA_DIRS',
	'E2E_TEMPLATE_DATABASE_URL',
	'JALONS_E2E',
	'JALONS_SCHEMA_PATH',
	'LOAD_DEBUG',
	'FUZZ_RUNS',
	'FUZZ_TIMEOUT',
	'QUERY_TAP_PORT',
	'QUERY_TAP_LOG'
] as const;
export const APP_VARIABLES = Object.keys(appSchema.shape) as (keyof typeof appSchema.shape)[];

export interface Config {
	production: boolean;
	databaseUrl: string | undefined;
	databasePoolSize: number;
	/** Embedded database folder (used when databaseUrl is unset), as given. */
	dataDir: string;
	/** Seed the real plan at start when empty; undefined: only on the embedded database. */
	seedOnStart: boolean | undefined;
	migrationsDir: string | undefined;
	/** The configured public origin, when set; use publicOrigin() for links. */
	origin: string | undefined;
	/** The port a local run listens on: PORT, else 5173 for `vite dev`, else 3000. */
	port: number;
	purgeIntervalHours: number;
	logLevel: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'silent';
	pageCacheBytes: number;
	/** Public read models kept per content version (read-models/), shared by every reader; 0 = off. */
	readModelEntries: number;
	wholePlanReads: number;
	/** In-process periodic jobs (link checks, feeds); false turns every one off (cron runs the scripts instead). */
	jobsEnabled: boolean;
	/** Hours between two scheduled link checks; 0 = never (then `npm run links:check` from cron). */
	linkCheckIntervalHours: number;
	/** Outbound HTTP (src/lib/server/net): timeout of each request, in milliseconds. */
	outboundTimeoutMs: number;
	/** Host names allowed to resolve to private, loopback or link-local addresses (tests: 127.0.0.1). */
	outboundAllowHosts: string[];
	smtpUrl: string | undefined;
	mailFrom: string;
	/** Signing in with ProConnect; null when not configured (no button, nothing else changes). */
	proConnect: ProConnectConfig | null;
}

export interface ProConnectConfig {
	/** Issuer identifier, without a trailing slash; discovery reads `${issuer}/.well-known/openid-configuration`. */
	issuer: string;
	clientId: string;
	clientSecret: string;
	/** Levels accepted for any account. */
	acrValues: string[];
	/** Levels accepted for administrators and editors (a subset of `acrValues` is expected, e.g. the two-factor ones). */
	staffAcrValues: string[];
}

const PROCONNECT_VARIABLES = ['PROCONNECT_ISSUER', 'PROCONNECT_CLIENT_ID', 'PROCONNECT_CLIENT_SECRET'] as const;

function proConnectConfig(e: z.infer<typeof appSchema>): { value: ProConnectConfig | null; problems: string[] } {
	const set = PROCONNECT_VARIABLES.filter((name) => e[name] !== undefined);
	if (set.length === 0) {
		const stray = (['PROCONNECT_ACR_VALUES', 'PROCONNECT_STAFF_ACR_VALUES'] as const).filter((name) => e[name] !== undefined);
		return { value: null, problems: stray.map((name) => `${name}: set PROCONNECT_ISSUER, PROCONNECT_CLIENT_ID and PROCONNECT_CLIENT_SECRET too, or unset it`) };
	}
	// Half a configuration is a mistake, not "off": say which variable is missing.
	const missing = PROCONNECT_VARIABLES.filter((name) => e[name] === undefined);
	if (missing.length) return { value: null, problems: missing.map((name) => `${name}="": required with ${set.join(', ')} (ProConnect needs all three)`) };
	const issuer = parseIssuer(e.PROCONNECT_ISSUER!);
	if (!issuer)
		return { value: null, problems: [`PROCONNECT_ISSUER=${JSON.stringify(e.PROCONNECT_ISSUER)}: expected an https issuer such as https://auth.agentconnect.gouv.fr/api/v2`] };
	const acrValues = e.PROCONNECT_ACR_VALUES ?? ['eidas1'];
	const staffAcrValues = e.PROCONNECT_STAFF_ACR_VALUES ?? acrValues;
	return { value: { issuer, clientId: e.PROCONNECT_CLIENT_ID!, clientSecret: e.PROCONNECT_CLIENT_SECRET!, acrValues, staffAcrValues }, problems: [] };
}

/** Parses `env`; throws a ConfigError naming every invalid variable. Empty values count as unset. */
export function parseConfig(env: Env): Config {
	const present = Object.fromEntries(APP_VARIABLES.map((name) => [name, env[name] === '' ? undefined : env[name]]));
	const parsed = appSchema.safeParse(present);
	if (!parsed.success)
		throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}=${JSON.stringify(present[String(issue.path[0])] ?? '')}: ${issue.message}`));
	const e = parsed.data;
	const proConnect = proConnectConfig(e);
	if (proConnect.problems.length) throw new ConfigError(proConnect.problems);
	return {
		production: e.NODE_ENV === 'production',
		databaseUrl: e.DATABASE_URL,
		databasePoolSize: e.DATABASE_POOL_SIZE,
		dataDir: e.JALONS_DATA_DIR,
		seedOnStart: e.JALONS_SEED_ON_START,
		migrationsDir: e.JALONS_MIGRATIONS_DIR,
		origin: e.ORIGIN,
		port: e.PORT ?? (e.NODE_ENV === 'development' ? 5173 : 3000),
		purgeIntervalHours: e.JALONS_PURGE_INTERVAL_HOURS,
		logLevel: e.LOG_LEVEL,
		pageCacheBytes: e.JALONS_PAGE_CACHE_MB * 1024 * 1024,
		readModelEntries: e.JALONS_READ_MODELS,
		wholePlanReads: e.JALONS_WHOLE_PLAN_READS,
		jobsEnabled: e.JALONS_JOBS,
		linkCheckIntervalHours: e.JALONS_LINK_CHECK_INTERVAL_HOURS,
		outboundTimeoutMs: Math.round(e.JALONS_OUTBOUND_TIMEOUT_SECONDS * 1000),
		outboundAllowHosts: e.JALONS_OUTBOUND_ALLOW_HOSTS,
		smtpUrl: e.SMTP_URL,
		mailFrom: e.MAIL_FROM,
		proConnect: proConnect.value
	};
}

let current: Config | undefined;

/** The process's configuration, parsed from process.env on first use. */
export function config(): Config {
	current ??= parseConfig(process.env);
	return current;
}

/**
 * The origin every absolute link (mails, feeds, API, sitemap, canonical) is built from: ORIGIN,
 * never the request's Host or X-Forwarded-Host. Required in production; a local run (dev server,
 * tests, `npm start`, which sets it) defaults to http://localhost:PORT.
 */
export function publicOrigin(settings: Config = config()): string {
	if (settings.origin) return settings.origin;
	if (settings.production) throw new ConfigError(['ORIGIN is required in production: the public address users type, such as https://jalons.example.gouv.fr']);
	return `http://localhost:${settings.port}`;
}
