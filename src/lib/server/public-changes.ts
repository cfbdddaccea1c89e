// Which audit events the public may see: the one allow-list behind a measure's and a plan's "last
// change", the recent changes list, the public history, time travel, feeds and the page cache's
// content version. Deny by default: internal and group comments, moderation, council work before
// publication, follows, notifications, sessions and drafts never show publicly, not even as a date.
import { Prisma } from './db/generated/client';

interface EventLike {
	entityType: string;
	action: string;
	before?: unknown;
	after?: unknown;
}

/**
 * Changes to a plan's public content, by entity type: the actions that count. Drafts are recorded
 * under another entity type, so a ProgressUpdate event is a publication (or a seeded published update), or a published update's
 * source replaced.
 */
const PUBLIC_CHANGES: Readonly<Record<string, readonly string[]>> = {
	Plan: ['create'],
	Owner: ['create'],
	Axis: ['create', 'update'],
	Measure: ['create', 'update', 'delete'],
	MeasureContributor: ['create'],
	Milestone: ['create', 'update', 'replan', 'delete'],
	EvidenceLink: ['create', 'update', 'delete'],
	Indicator: ['create'],
	// "update": the link watch's replacement of a dead source's address (the only edit in place).
	IndicatorValue: ['create', 'update'],
	ProgressUpdate: ['create', 'publish', 'update']
};

/** A change of public content: it dates "last change" and may appear in history, feeds and time travel. */
export function isPublicChange(event: EventLike): boolean {
	return PUBLIC_CHANGES[event.entityType]?.includes(event.action) ?? false;
}

/** The allow-list as a Prisma filter on AuditEvent (combine with AND, it uses OR). */
export const publicChangeWhere: Prisma.AuditEventWhereInput = {
	OR: Object.entries(PUBLIC_CHANGES).map(([entityType, actions]) => ({ entityType, action: { in: [...actions] } }))
};

/** The allow-list as raw SQL on an AuditEvent alias (a trusted identifier, never user input). */
export function publicChangeSql(alias: string): Prisma.Sql {
	const table = Prisma.raw(`"${alias}"`);
	return Prisma.join(
		Object.entries(PUBLIC_CHANGES).map(([entityType, actions]) => Prisma.sql`(${table}."entityType" = ${entityType} AND ${table}."action" IN (${Prisma.join([...actions])}))`),
		' OR ',
		'(',
		')'
	);
}

const field = (value: unknown, name: string): unknown => (value && typeof value === 'object' ? (value as Record<string, unknown>)[name] : undefined);
const either = (event: EventLike, name: string, wanted: unknown) => field(event.before, name) === wanted || field(event.after, name) === wanted;

/**
 * Whether a public page may show the event's effect: public content changes, plus what public pages
 * show beside them (public comments and their moderation, published opinions and rounds, plan
 * settings). People's names are not among them: history shows the name recorded with each event.
 * Only these move the page cache's content version.
 */
export function showsOnPublicPages(event: EventLike): boolean {
	if (isPublicChange(event)) return true;
	switch (event.entityType) {
		case 'Plan':
		case 'Owner':
		case 'Axis':
		case 'MeasureSuccession':
			return true;
		case 'Comment':
			return either(event, 'visibility', 'PUBLIC');
		case 'Opinion':
			return event.action === 'publish' || either(event, 'state', 'PUBLISHED');
		case 'ReportRound':
			return event.action === 'publish' || either(event, 'status', 'PUBLISHED');
		default:
			return false;
	}
}

/**
 * What a public write touched, so that caches can keep what it cannot have changed: one measure's own
 * content (its page, and its plan's pages that list or count it), a whole plan, or the instance.
 */
export type ChangeScope = { kind: 'instance' } | { kind: 'plan'; planId: string } | { kind: 'measure'; measureId: string; planId: string | null };

const INSTANCE_CHANGE: ChangeScope = { kind: 'instance' };

/**
 * Changes that show on their measure's page and on its plan's pages, never on another measure's page.
 * Not among them: a measure created, deleted or renumbered (its number is another page's address),
 * plans, teams, axes and successions (shown on many measures' pages, or on other plans' pages).
 */
const MEASURE_LOCAL = new Set(['Measure', 'MeasureContributor', 'Milestone', 'EvidenceLink', 'Indicator', 'IndicatorValue', 'ProgressUpdate', 'Comment']);
const INSTANCE_WIDE = new Set(['Plan', 'Owner', 'MeasureSuccession']);

/** The part of the public content a public event touched: the narrowest that is sure to hold it. */
export function changeScopeOf(event: EventLike & { planId?: string | null; measureId?: string | null }): ChangeScope {
	if (INSTANCE_WIDE.has(event.entityType)) return INSTANCE_CHANGE;
	const sameMeasurePages = event.entityType !== 'Measure' || (event.action === 'update' && field(event.before, 'number') === field(event.after, 'number'));
	if (event.measureId && MEASURE_LOCAL.has(event.entityType) && sameMeasurePages) return { kind: 'measure', measureId: event.measureId, planId: event.planId ?? null };
	if (event.planId) return { kind: 'plan', planId: event.planId };
	return INSTANCE_CHANGE;
}

const scopeKey = (scope: ChangeScope) => (scope.kind === 'instance' ? '*' : scope.kind === 'plan' ? `plan:${scope.planId}` : `measure:${scope.measureId}`);

/** Few enough rows for one statement: a bulk write (an import) counts as its plans, or the instance. */
const MAX_SCOPES = 50;

function coveringScopes(scopes: readonly ChangeScope[]): ChangeScope[] {
	const distinct = [...new Map(scopes.map((scope) => [scopeKey(scope), scope])).values()];
	const planIds = distinct.map((scope) => (scope.kind === 'instance' ? null : scope.planId));
	if (distinct.some((scope) => scope.kind === 'instance')) return [INSTANCE_CHANGE];
	if (distinct.length <= MAX_SCOPES) return distinct;
	if (planIds.includes(null)) return [INSTANCE_CHANGE];
	const plans = [...new Set(planIds as string[])].map((planId): ChangeScope => ({ kind: 'plan', planId }));
	return plans.length <= MAX_SCOPES ? plans : [INSTANCE_CHANGE];
}

/**
 * Moves the content version in the caller's transaction, and records what the write touched at that
 * version (one statement): other readers see both when the transaction commits, never before (unlike
 * a sequence, which moves at insert). The row lock orders concurrent public writes, so versions
 * commit in order and a reader that knows version N can ask what changed after it.
 */
export async function markPublicChange(tx: Prisma.TransactionClient, scopes: readonly ChangeScope[] = [INSTANCE_CHANGE], auditInsert: Prisma.Sql | null = null): Promise<void> {
	const rows = coveringScopes(scopes);
	const values = Prisma.join(
		rows.map((scope) => {
			const planId = scope.kind === 'instance' ? null : scope.planId;
			const measureId = scope.kind === 'measure' ? scope.measureId : null;
			return Prisma.sql`(${scopeKey(scope)}::text, ${planId}::text, ${measureId}::text)`;
		})
	);
	// The audit event of the write, when given, goes in the same statement (a data-modifying WITH runs once, whole).
	const audit = auditInsert ? Prisma.sql`audit AS (${auditInsert}),` : Prisma.empty;
	await tx.$executeRaw`
		WITH ${audit} bumped AS (UPDATE "ContentVersion" SET "version" = "version" + 1, "changedAt" = now() WHERE "id" = 1 RETURNING "version")
		INSERT INTO "ContentChange" ("scope", "planId", "measureId", "version")
		SELECT s.scope, s.plan_id, s.measure_id, bumped."version" FROM bumped, (VALUES ${values}) AS s(scope, plan_id, measure_id)
		ON CONFLICT ("scope") DO UPDATE SET "planId" = EXCLUDED."planId", "measureId" = EXCLUDED."measureId", "version" = EXCLUDED."version"`;
}

/** The committed content version (the page cache's freshness). */
export async function readContentVersion(db: { $queryRaw: Prisma.TransactionClient['$queryRaw'] }): Promise<string> {
	const [row] = await db.$queryRaw<{ version: bigint }[]>`SELECT "version" FROM "ContentVersion" WHERE "id" = 1`;
	if (!row) throw new Error('ContentVersion has no row: run the migrations');
	return String(row.version);
}

/** A part of the public content that changed, by the addresses the caches key it with. */
export type TouchedContent = { kind: 'plan'; slug: string } | { kind: 'measure'; slug: string; number: string; measureId: string };

export interface ContentChanges {
	version: string;
	/** What changed after the version the caller knew; 'all' when it did not know one, or the instance changed. */
	touched: TouchedContent[] | 'all';
}

/**
 * The committed content version and what changed after `known`, in one statement (one snapshot). A
 * change whose plan is gone since (deleted) counts as instance-wide: its addresses are lost; one whose
 * measure is gone counts as its plan's.
 */
export async function readContentChanges(db: { $queryRaw: Prisma.TransactionClient['$queryRaw'] }, known: string | null): Promise<ContentChanges> {
	if (known === null) return { version: await readContentVersion(db), touched: 'all' };
	const rows = await db.$queryRaw<{ version: bigint; scope: string | null; slug: string | null; number: string | null; measureId: string | null }[]>`
		SELECT cv."version", c."scope", p."slug", m."number", c."measureId"
		FROM "ContentVersion" cv
		LEFT JOIN "ContentChange" c ON c."version" > ${known}::bigint
		LEFT JOIN "Measure" m ON m."id" = c."measureId"
		LEFT JOIN "Plan" p ON p."id" = COALESCE(m."planId", c."planId")
		WHERE cv."id" = 1`;
	const [first] = rows;
	if (!first) throw new Error('ContentVersion has no row: run the migrations');
	const touched: TouchedContent[] = [];
	for (const row of rows) {
		if (row.scope === null) continue;
		if (row.scope === '*' || row.slug === null) return { version: String(first.version), touched: 'all' };
		if (row.measureId !== null && row.number !== null) touched.push({ kind: 'measure', slug: row.slug, number: row.number, measureId: row.measureId });
		else touched.push({ kind: 'plan', slug: row.slug });
	}
	// The version moved with nothing recorded: a write that bumped it alone (an older release during a
	// rolling upgrade, a hand-made change). Nothing says what it touched.
	if (touched.length === 0 && String(first.version) !== known) return { version: String(first.version), touched: 'all' };
	return { version: String(first.version), touched };
}
