// Rows that PostgreSQL assembles as one JSON document (a row with its relations, jsonb_agg), read back
// as Prisma would give them: one statement instead of one per relation, for read models rebuilt after
// every save. JSON has no dates: the keys named here become Dates again, and NULL lists become empty.

/**
 * `text` (a JSON document) with every string under one of `dates` made a Date: `date` columns come as
 * `2026-12-07`, `timestamp(3)` ones (UTC, as Prisma writes them) without a zone. A NULL under one of
 * `lists` (`text[]` columns) becomes empty, as Prisma reads it. The caller names the shape it built.
 */
export function parseJsonRows<T>(text: string, keys: { dates: ReadonlySet<string>; lists?: ReadonlySet<string> }): T {
	return JSON.parse(text, (key: string, value: unknown) => {
		if (typeof value === 'string' && keys.dates.has(key)) return new Date(value.length === 10 || value.endsWith('Z') ? value : `${value}Z`);
		if (value === null && keys.lists?.has(key)) return [];
		return value;
	}) as T;
}
