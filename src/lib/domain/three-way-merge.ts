// The one rule for saving a form over a version it was not loaded from: a three-way merge of what
// the form was loaded with (base), what its user sent (mine) and what is stored now (stored).
// A field the user did not touch takes the stored value (so nobody's change is silently reverted),
// a field only the user changed keeps theirs, and a field both changed differently is a conflict
// the user must settle.

export type Values = Record<string, string | string[]>;

export interface MergeResult {
	/** The values to save: stored ones for untouched fields, the user's for the others. */
	merged: Values;
	/** Fields both sides changed, to different values. */
	conflicts: string[];
}

// Browsers send CRLF line ends and the forms trim their texts: neither is a change.
function normalized(value: string | string[] | undefined): string {
	const items = value === undefined ? [] : Array.isArray(value) ? value : [value];
	return items.map((item) => item.replaceAll('\r\n', '\n').trim()).join('\u0000');
}

function same(a: string | string[] | undefined, b: string | string[] | undefined): boolean {
	return normalized(a) === normalized(b);
}

/**
 * Only the fields of `base` are merged: a field the form was not loaded with is the user's alone.
 * A field missing from `mine` (unchecked boxes) or from `stored` (a grade cleared since) is empty.
 */
export function threeWayMerge(base: Values, mine: Values, stored: Values): MergeResult {
	const merged: Values = { ...mine };
	const conflicts: string[] = [];
	for (const field of Object.keys(base)) {
		const userChanged = !same(mine[field], base[field]);
		const otherChanged = !same(stored[field], base[field]);
		if (!userChanged) merged[field] = stored[field] ?? '';
		else if (otherChanged && !same(mine[field], stored[field])) conflicts.push(field);
	}
	return { merged, conflicts };
}
