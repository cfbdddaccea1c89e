// Audit events: every write goes through a domain function that records one in the same transaction.
// An event a public page can show also moves the page cache's content version, in that transaction.
import { Prisma } from './db/generated/client';
import { ROLES, type Actor, type MeasureOwnership } from './policies';
import { changeScopeOf, markPublicChange, showsOnPublicPages } from './public-changes';

/** Who a change is attributed to in the audit log and the public history. */
export interface AuditActor {
	/** User id, or null for the seed and command-line tools. */
	id: string | null;
	label: string;
	role: string | null;
}

export const SEED_ACTOR: AuditActor = { id: null, label: 'seed', role: null };

/** Values collected by an indicator's feed (src/lib/server/domain/indicator-feeds): no one typed them. */
export const FEED_ACTOR: AuditActor = { id: null, label: 'collecte automatique', role: null };

/**
 * How a signed-in user appears in the audit log and the public history: their name, and the role
 * through which they acted (administrator first, then editor, then the others in ROLES order). On a
 * measure, an editor or an AMDAC member acts for one of its teams: "EDITOR:LABEL", "AMDAC:MIN_ARMEES".
 */
export function auditActor(actor: Actor, measure?: MeasureOwnership & { ownerCodes: Record<string, string> }): AuditActor {
	let role: string | null = ROLES.find((r) => actor.roles.includes(r)) ?? null;
	if ((role === 'EDITOR' || role === 'AMDAC') && measure) {
		const team = [measure.leadOwnerId, ...measure.contributorOwnerIds].find((id) => actor.teamIds.includes(id));
		if (team) role = `${role}:${measure.ownerCodes[team] ?? team}`;
	}
	return { id: actor.id, label: actor.displayName, role };
}

export interface AuditInput {
	action: 'create' | 'update' | 'delete' | 'publish' | 'replan';
	entityType: string;
	entityId: string;
	planId?: string | null;
	measureId?: string | null;
	before?: unknown;
	after?: unknown;
	reason?: string | null;
}

/** JSON-safe copy: dates become ISO strings, BigInts strings, undefined fields disappear. */
function toJson(value: unknown): Prisma.InputJsonValue | undefined {
	if (value === undefined || value === null) return undefined;
	return JSON.parse(JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))) as Prisma.InputJsonValue;
}

function auditData(actor: AuditActor, event: AuditInput): Prisma.AuditEventCreateManyInput {
	return {
		actorId: actor.id,
		actorLabel: actor.label,
		actorRole: actor.role,
		action: event.action,
		entityType: event.entityType,
		entityId: event.entityId,
		planId: event.planId ?? null,
		measureId: event.measureId ?? null,
		before: toJson(event.before),
		after: toJson(event.after),
		reason: event.reason ?? null
	};
}

/** The event as one INSERT, for markPublicChange to send with the version it moves. */
function auditInsert(actor: AuditActor, event: AuditInput): Prisma.Sql {
	const data = auditData(actor, event);
	const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));
	// `at` as Prisma's default gives it: the application's clock, stored in UTC.
	return Prisma.sql`INSERT INTO "AuditEvent" ("at", "actorId", "actorLabel", "actorRole", "action", "entityType", "entityId", "planId", "measureId", "before", "after", "reason")
		VALUES (${new Date().toISOString()}::timestamptz AT TIME ZONE 'UTC', ${data.actorId ?? null}, ${data.actorLabel}, ${data.actorRole ?? null}, ${data.action}, ${data.entityType},
			${data.entityId}, ${data.planId ?? null}, ${data.measureId ?? null}, ${json(data.before)}::jsonb, ${json(data.after)}::jsonb, ${data.reason ?? null})`;
}

export async function recordAudit(tx: Prisma.TransactionClient, actor: AuditActor, event: AuditInput): Promise<void> {
	// A public change and its event in one statement: each round trip of a save waits its turn on a busy server.
	if (showsOnPublicPages(event)) await markPublicChange(tx, [changeScopeOf(event)], auditInsert(actor, event));
	else await tx.auditEvent.create({ data: auditData(actor, event) });
}

export async function recordAudits(tx: Prisma.TransactionClient, actor: AuditActor, events: AuditInput[]): Promise<void> {
	if (events.length === 0) return;
	await tx.auditEvent.createMany({ data: events.map((event) => auditData(actor, event)) });
	const shown = events.filter(showsOnPublicPages);
	if (shown.length > 0) await markPublicChange(tx, shown.map(changeScopeOf));
}
