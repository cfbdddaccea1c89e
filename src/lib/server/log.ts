// Structured one-line JSON logs (pino), UTC ISO timestamps, with the request id of the request being
// served on every line (AsyncLocalStorage, set in hooks.server.ts). Secrets never reach the log:
// fields named like passwords, tokens, cookies or sessions are replaced, and the token part of
// /invitation/<token> and /reinitialisation/<token> paths is masked. User text is JSON-encoded, so it
// cannot forge a log line.
import { AsyncLocalStorage } from 'node:async_hooks';
import pino from 'pino';

type Level = 'info' | 'warn' | 'error';

const requestContext = new AsyncLocalStorage<{ requestId: string }>();

/** Runs `work` with `requestId` attached to every log line written meanwhile. */
export function withRequestId<T>(requestId: string, work: () => T): T {
	return requestContext.run({ requestId }, work);
}

const SECRET_KEY = /pass(word|wd)?|token|secret|cookie|authorization|^session(id)?$|smtp_?url|code_verifier|^code$/i;
const TOKEN_PATH = /(\/(?:invitation|reinitialisation)\/)[^/?#\s"']+/g;
const TOKEN_QUERY = /([?&](?:token|code|state)=)[^&#\s"']+/gi;

export function scrubText(value: string): string {
	return value.replace(TOKEN_PATH, '$1[masqué]').replace(TOKEN_QUERY, '$1[masqué]');
}

/** A copy of `value` safe to log. */
export function scrub(value: unknown, depth = 0): unknown {
	if (typeof value === 'string') return scrubText(value);
	if (value === null || typeof value !== 'object' || depth > 6) return value;
	if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1));
	const out: Record<string, unknown> = {};
	for (const [key, v] of Object.entries(value)) out[key] = SECRET_KEY.test(key) && v !== null && v !== undefined ? '[masqué]' : scrub(v, depth + 1);
	return out;
}

const logger = pino({
	level: process.env.LOG_LEVEL ?? 'info',
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
