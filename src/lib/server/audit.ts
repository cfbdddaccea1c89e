// Audit events: every write goes through a domain function that records one in the same transaction.
import type { Prisma } from './db/generated/client';

export interface Actor {
	/** User id, or null for the seed and command-line tools. */
	id: string | null;
	label: string;
	role: string | null;
}

export const SEED_ACTOR: Actor = { id: null, label: 'seed', role: null };

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
	return JSON.parse(
		JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))
	) as Prisma.InputJsonValue;
}

export function auditData(actor: Actor, event: AuditInput): Prisma.AuditEventCreateManyInput {
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

export async function recordAudit(tx: Prisma.TransactionClient, actor: Actor, event: AuditInput): Promise<void> {
	await tx.auditEvent.create({ data: auditData(actor, event) });
}
