// Database access for routes: a database that cannot be reached is a 503 ("come back later"),
// not a 500 with a stack trace.
import { error } from '@sveltejs/kit';
import { db } from './instance';
import type { Db } from './index';
import { messages } from '$lib/i18n';
import { log } from '../log';

export async function requestDb(): Promise<Db> {
	try {
		return await db();
	} catch (cause) {
		log('error', 'database unavailable', { error: cause instanceof Error ? cause.message : String(cause) });
		error(503, messages('fr').error.unavailable);
	}
}
