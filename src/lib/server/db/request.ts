// Database access for routes: a database that cannot be reached is a 503 ("come back later"),
// not a 500 with a stack trace. A route about a draft plan asked for anonymously gets no database
// at all but a 404: the plan-access hook (http/plan-access.ts) decided so before the route ran.
import { error } from '@sveltejs/kit';
import { getRequestEvent } from '$app/server';
import { db } from './instance';
import type { Db } from './index';
import { messages } from '$lib/i18n';
import { log } from '../log';
import { notFound } from '../http/not-found';

export async function requestDb(): Promise<Db> {
	const gate = requestLocals()?.planGate;
	if (gate === 'hidden') notFound(requestLocals()?.locale ?? 'fr');
	if (gate === 'unchecked') unavailable();
	try {
		return await db();
	} catch (cause) {
		log('error', 'database unavailable', { error: cause instanceof Error ? cause.message : String(cause) });
		unavailable();
	}
}

function unavailable(): never {
	// An expected error skips handleError: give the page the request id here.
	const locals = requestLocals();
	error(503, { message: messages(locals?.locale ?? 'fr').error.unavailable, requestId: locals?.requestId });
}

function requestLocals(): App.Locals | null {
	try {
		return getRequestEvent().locals;
	} catch {
		return null;
	}
}
