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
 * Moves the content version in the caller's transaction: other readers see the new version when the
 * transaction commits, never before (unlike a sequence, which moves at insert). The row lock also
 * orders concurrent public writes, which are rare.
 */
export async function markPublicChange(tx: Prisma.TransactionClient): Promise<void> {
	await tx.$executeRaw`UPDATE "ContentVersion" SET "version" = "version" + 1, "changedAt" = now() WHERE "id" = 1`;
}

/** The committed content version (the page cache's freshness). */
export async function readContentVersion(db: { $queryRaw: Prisma.TransactionClient['$queryRaw'] }): Promise<string> {
	const [row] = await db.$queryRaw<{ version: bigint }[]>`SELECT "version" FROM "ContentVersion" WHERE "id" = 1`;
	if (!row) throw new Error('ContentVersion has no row: run the migrations');
	return String(row.version);
}
