// Message keys as types: a dotted path ("form.invalidUrl") names a sentence of the catalogue, and
// a key that names nothing fails the type check. Domain errors and form schemas carry keys, not
// sentences, because the same refusal is shown in either language.
import type { Messages } from './fr';

/** A sentence that depends on a count, one form per plural category the languages need. */
export interface Plural {
	one: string;
	other: string;
}

type Keys<T, Prefix extends string> = {
	[K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : T[K] extends Plural ? never : Keys<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** Every dotted path to a plain sentence of the catalogue. */
export type MessageKey = Keys<Messages, ''>;

function walk(t: Messages, key: string): string | null {
	let node: unknown = t;
	for (const part of key.split('.')) {
		if (typeof node !== 'object' || node === null || !Object.hasOwn(node, part)) return null;
		node = (node as Record<string, unknown>)[part];
	}
	return typeof node === 'string' ? node : null;
}

/** The sentence a key names, in the catalogue's language. */
export function translate(t: Messages, key: MessageKey): string {
	return walk(t, key) ?? t.form.errorSummary;
}

/** For keys that arrive as plain strings (a zod issue's message): true when the key names a sentence. */
export function isMessageKey(t: Messages, key: string): key is MessageKey {
	return walk(t, key) !== null;
}
