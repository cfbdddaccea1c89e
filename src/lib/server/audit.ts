// Audit events: every write goes through a domain function that records one in the same transaction.
// An event a public page can show also moves the page cache's content version, in that transaction.
import type { Prisma } from './db/generated/client';
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

export async function recordAudit(tx: Prisma.TransactionClient, actor: AuditActor, event: AuditInput): Promise<void> {
	await tx.auditEvent.create({ data: auditData(actor, event) });
	if (showsOnPublicPages(event)) await markPublicChange(tx, [changeScopeOf(event)]);
}

export async function recordAudits(tx: Prisma.TransactionClient, actor: AuditActor, events: AuditInput[]): Promise<void> {
	if (events.length === 0) return;
	await tx.auditEvent.createMany({ data: events.map((event) => auditData(actor, event)) });
	const shown = events.filter(showsOnPublicPages);
	if (shown.length > 0) await markPublicChange(tx, shown.map(changeScopeOf));
}
