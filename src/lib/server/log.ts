// Structured one-line JSON logs (pino), UTC ISO timestamps, with the request id of the request being
// served on every line (AsyncLocalStorage, set in hooks.server.ts). Secrets never reach the log:
// fields that hold a password, a session, a token, a cookie, an authorization header or a
// credential-bearing URL are replaced, and in any string the token part of /invitation/<token> and
// /reinitialisation/<token> paths, token query parameters, session cookies, bearer credentials and
// the password of a URL are masked. Harmless fields that merely look alike (a count named `tokens`,
// `councilSecretariat`, an owner `code`) are kept. User text is JSON-encoded, so it cannot forge a log line.
import { AsyncLocalStorage } from 'node:async_hooks';
import pino from 'pino';
import { config } from './config';

type Level = 'info' | 'warn' | 'error';

const requestContext = new AsyncLocalStorage<{ requestId: string }>();

/** Runs `work` with `requestId` attached to every log line written meanwhile. */
export function withRequestId<T>(requestId: string, work: () => T): T {
	return requestContext.run({ requestId }, work);
}

const MASK = '[masqué]';

/** A field is secret when one of these words is part of its name: `newPassword`, `set-cookie`, `Proxy-Authorization`. */
const SECRET_WORDS = new Set(['password', 'passwd', 'passphrase', 'cookie', 'cookies', 'authorization', 'credential', 'credentials']);
/** …or when its name ends with one of these: `token`, `sessionToken`, `accessToken`, `client_secret` (not `tokens`, `tokenCount`). */
const SECRET_LAST_WORDS = new Set(['token', 'secret']);
/** …or when its whole name, words joined, is one of these. */
const SECRET_NAMES = new Set(['pass', 'pwd', 'session', 'sessionid', 'smtpurl', 'databaseurl', 'codeverifier', 'apikey', 'xapikey', 'privatekey', 'secretkey']);

/** "newPassword", "new_password", "X-Api-Key", "SMTP_URL" → their lowercase words. */
function words(key: string): string[] {
	return key
		.replace(/([a-z0-9])([A-Z])/g, '$1 $2')
		.replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
		.toLowerCase()
		.split(/[^a-z0-9]+/)
		.filter(Boolean);
}

export function isSecretKey(key: string): boolean {
	const parts = words(key);
	const last = parts.at(-1);
	return parts.some((w) => SECRET_WORDS.has(w)) || (last !== undefined && SECRET_LAST_WORDS.has(last)) || SECRET_NAMES.has(parts.join(''));
}

const TOKEN_PATH = /(\/(?:invitation|reinitialisation)\/)[^/?#\s"']+/g;
const TOKEN_QUERY = /([?&](?:token|code|state)=)[^&#\s"']+/gi;
const SESSION_COOKIE = /((?:__Host-)?jalons_session=)[^;,\s"']+/g;
const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/g;
/** postgresql://user:password@host, smtps://user:password@host: the password goes. */
const URL_PASSWORD = /(\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@"']*:)[^\s/@"']+@/gi;

export function scrubText(value: string): string {
	return value
		.replace(TOKEN_PATH, `$1${MASK}`)
		.replace(TOKEN_QUERY, `$1${MASK}`)
		.replace(SESSION_COOKIE, `$1${MASK}`)
		.replace(BEARER, `$1 ${MASK}`)
		.replace(URL_PASSWORD, `$1${MASK}@`);
}

/** A copy of `value` safe to log. */
export function scrub(value: unknown, depth = 0): unknown {
	if (typeof value === 'string') return scrubText(value);
	if (value === null || typeof value !== 'object') return value;
	// Too deep to be checked: left out rather than logged unchecked.
	if (depth > 6) return '[…]';
	if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1));
	const out: Record<string, unknown> = {};
	for (const [key, v] of Object.entries(value)) out[key] = isSecretKey(key) && v !== null && v !== undefined ? MASK : scrub(v, depth + 1);
	return out;
}

const logger = pino({
	level: config().logLevel,
	timestamp: pino.stdTimeFunctions.isoTime,
	formatters: { level: (label) => ({ level: label }) },
	base: { pid: process.pid },
	mixin: () => {
		const store = requestContext.getStore();
		return store ? { requestId: store.requestId } : {};
	}
});

export function log(level: Level, msg: string, fields: Record<string, unknown> = {}): void {
	logger[level](scrub(fields) as Record<string, unknown>, scrubText(msg));
}

export function logError(fields: { requestId: string; method: string; path: string; status: number; message: string; error: unknown }): void {
	const { error, ...rest } = fields;
	log('error', 'request failed', {
		...rest,
		error: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error)
	});
}
