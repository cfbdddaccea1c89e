// French typography applied once to the whole French catalogue, so that authors type ordinary
// spaces and no line ever starts with a colon or a closing guillemet: a narrow no-break space
// (U+202F, the one Intl puts in "1 000") before ; : ! ? » and after «. A `?` glued to a word
// ("?date=") is a web address, not punctuation, and is left alone.
const NARROW_NBSP = '\u202f';

const BEFORE = /[ \u00a0\u202f]+([;:!»]|\?(?![\w=&]))/g;
const AFTER = /«[ \u00a0\u202f]+/g;

export function frenchSpaces(text: string): string {
	return text.replace(BEFORE, `${NARROW_NBSP}$1`).replace(AFTER, `«${NARROW_NBSP}`);
}

type Tree = { readonly [key: string]: string | Tree };

/** The same catalogue with every sentence through frenchSpaces (types and keys unchanged). */
export function typesetFrench<T extends Tree>(tree: T): T {
	return Object.fromEntries(Object.entries(tree).map(([key, value]) => [key, typeof value === 'string' ? frenchSpaces(value) : typesetFrench(value)])) as T;
}
