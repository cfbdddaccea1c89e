// How every API route answers: JSON with the shared cache policy, open CORS (public data, no
// credentials, so `*` and never a reflected origin), and errors as { "error": "…" } in French.
import { isTemporarilyUnavailable } from '../db/outage';
import { isHttpError, type RequestEvent } from '@sveltejs/kit';
import { cachedResponse } from '../http/cache';
import { format, messages } from '../../i18n';
import { logError } from '../log';

const API_HEADERS: Record<string, string> = {
	'Access-Control-Allow-Origin': '*',
	'Access-Control-Expose-Headers': 'ETag, Link, X-Total-Count'
};
const JSON_TYPE = 'application/json; charset=utf-8';

/** An expected failure (unknown plan, bad parameter): its message is shown to the caller as is. */
export class ApiError extends Error {
	constructor(
		readonly status: number,
		message: string
	) {
		super(message);
	}
}

export function apiJson(request: Request, data: unknown, headers: Record<string, string> = {}): Response {
	return cachedResponse(request, JSON.stringify(data, null, 2) + '\n', { headers: { 'Content-Type': JSON_TYPE, ...API_HEADERS, ...headers } });
}

export function apiError(status: number, message: string): Response {
	return new Response(JSON.stringify({ error: message }) + '\n', {
		status,
		headers: { 'Content-Type': JSON_TYPE, 'Cache-Control': 'no-store', ...API_HEADERS }
	});
}

/** Wraps a handler so that every outcome, the database being down included, is a JSON answer. */
export function apiRoute<E extends RequestEvent>(handler: (event: E) => Promise<Response>): (event: E) => Promise<Response> {
	return async (event) => {
		const t = messages('fr').opendata.api;
		try {
			return await handler(event);
		} catch (error) {
			if (error instanceof ApiError) return apiError(error.status, error.message);
			if (isHttpError(error)) return apiError(error.status, error.status === 503 ? t.unavailable : error.body.message);
			if (isTemporarilyUnavailable(error)) return apiError(503, t.unavailable);
			const requestId = event.locals.requestId ?? 'inconnu';
			logError({ requestId, method: event.request.method, path: event.url.pathname, status: 500, message: 'api handler failed', error });
			return apiError(500, format(t.internal, { id: requestId }));
		}
	};
}
