// Full-plan JSON export and import (`npm run plan:export -- slug > plan.json`,
// `npm run plan:import -- plan.json`): every row of the plan — axes, measures, owners, milestones
// and re-plans, evidence, indicators, their feeds and values, progress updates (drafts too) and the plan's audit
// log — as PostgreSQL itself renders it (row_to_json), and inserted back with
// jsonb_populate_recordset, so that every type round-trips exactly. Accounts are not part of a plan
// (personal data, passwords): they are not exported. Importing restores the audit log verbatim, so
// it writes no audit event of its own. Generated columns (the full-text search vectors) are left out
// both ways: PostgreSQL recomputes them. Comments, follows, notifications and report rounds belong
// to accounts (authors, voters) and are not part of a plan export either.
import { z } from 'zod';
import { Prisma } from '../db/generated/client';
import type { Db } from '../db';
import { PARAM_PATTERNS } from '../../route-params';
import { markPublicChange } from '../public-changes';

const FORMAT = 'jalons-plan';
// Version 2 added the indicators' feeds (IndicatorFeed); a version 1 file imports as a plan without feeds.
const VERSION = 2;
const ADDED_IN_VERSION_2 = new Set(['IndicatorFeed']);

const inPlanMeasures = Prisma.sql`(SELECT id FROM "Measure" WHERE "planId" = `;

/** Tables in insertion order, with the rows of one plan. Table names come from this list only. */
function tables(planId: string): [string, Prisma.Sql][] {
	const measures = Prisma.sql`${inPlanMeasures}${planId})`;
	return [
		['Owner', Prisma.sql`TRUE`],
		['Plan', Prisma.sql`t.id = ${planId}`],
		['Axis', Prisma.sql`t."planId" = ${planId}`],
		['Measure', Prisma.sql`t."planId" = ${planId}`],
		['MeasureContributor', Prisma.sql`t."measureId" IN ${measures}`],
		['Milestone', Prisma.sql`t."measureId" IN ${measures}`],
		['MilestoneReplan', Prisma.sql`t."milestoneId" IN (SELECT id FROM "Milestone" WHERE "measureId" IN ${measures})`],
		['EvidenceLink', Prisma.sql`t."measureId" IN ${measures}`],
		['Indicator', Prisma.sql`t."measureId" IN ${measures}`],
		['IndicatorFeed', Prisma.sql`t."indicatorId" IN (SELECT id FROM "Indicator" WHERE "measureId" IN ${measures})`],
		['IndicatorValue', Prisma.sql`t."indicatorId" IN (SELECT id FROM "Indicator" WHERE "measureId" IN ${measures})`],
		['ProgressUpdate', Prisma.sql`t."planId" = ${planId}`],
		['AuditEvent', Prisma.sql`t."planId" = ${planId}`]
	];
}
const TABLE_NAMES = tables('').map(([name]) => name);

const planDocument = z.strictObject({
	format: z.literal(FORMAT),
	version: z.union([z.literal(1), z.literal(VERSION)]),
	slug: z.string().regex(PARAM_PATTERNS.slug),
	tables: z.strictObject(
		Object.fromEntries(
			TABLE_NAMES.map((name) => {
				const rows = z.array(z.record(z.string(), z.unknown()));
				return [name, ADDED_IN_VERSION_2.has(name) ? rows.default([]) : rows];
			})
		) as Record<string, z.ZodArray<z.ZodRecord<z.ZodString, z.ZodUnknown>>>
	)
});
export type PlanDocument = z.infer<typeof planDocument>;

export class PlanTransferError extends Error {}

type Tx = Prisma.TransactionClient;

/** The table's columns that PostgreSQL does not compute itself (`is_generated = 'NEVER'`). */
async function writableColumns(tx: Tx, table: string): Promise<{ writable: Prisma.Sql; generated: string[] }> {
	const rows = await tx.$queryRaw<{ name: string; generated: boolean }[]>`
		SELECT column_name AS name, is_generated <> 'NEVER' AS generated FROM information_schema.columns
		WHERE table_schema = current_schema() AND table_name = ${table} ORDER BY ordinal_position`;
	const writable = rows.filter((r) => !r.generated).map((r) => `"${r.name.replaceAll('"', '""')}"`);
	return { writable: Prisma.raw(writable.join(', ')), generated: rows.filter((r) => r.generated).map((r) => r.name) };
}

export async function exportPlan(db: Db, slug: string): Promise<PlanDocument> {
	const plan = await db.plan.findUnique({ where: { slug }, select: { id: true } });
	if (!plan) throw new PlanTransferError(`Aucun plan « ${slug} ».`);
	const result: Record<string, Record<string, unknown>[]> = {};
	await db.$transaction(async (tx) => {
		for (const [name, where] of tables(plan.id)) {
			const { generated } = await writableColumns(tx, name);
			const rows = await tx.$queryRaw<{ rows: Record<string, unknown>[] }[]>`
				SELECT coalesce(json_agg(to_jsonb(t) - ${generated}::text[] ORDER BY t::text), '[]'::json) AS rows FROM ${Prisma.raw(`"${name}"`)} t WHERE ${where}`;
			result[name] = rows[0]?.rows ?? [];
		}
	});
	return { format: FORMAT, version: VERSION, slug, tables: result };
}

/** Inserts a plan into a database that does not have it yet (all or nothing). */
export async function importPlan(db: Db, input: unknown): Promise<{ slug: string; rows: number }> {
	const parsed = planDocument.safeParse(input);
	if (!parsed.success) throw new PlanTransferError(`Fichier d'export invalide : ${parsed.error.issues[0]?.path.join('.') ?? ''} ${parsed.error.issues[0]?.message ?? ''}`);
	const doc = parsed.data;
	if (await db.plan.findUnique({ where: { slug: doc.slug }, select: { id: true } })) throw new PlanTransferError(`Le plan « ${doc.slug} » existe déjà dans cette base.`);
	let rows = 0;
	await db.$transaction(async (tx) => {
		for (const name of TABLE_NAMES) {
			const data = doc.tables[name] ?? [];
			if (!data.length) continue;
			const table = Prisma.raw(`"${name}"`);
			// Owners are shared between plans: those already there are kept.
			const conflict = name === 'Owner' ? Prisma.sql`ON CONFLICT DO NOTHING` : Prisma.empty;
			const { writable } = await writableColumns(tx, name);
			rows += await tx.$executeRaw`INSERT INTO ${table} (${writable}) SELECT ${writable} FROM jsonb_populate_recordset(NULL::${table}, ${JSON.stringify(data)}::jsonb) ${conflict}`;
		}
		// Audit event ids come from a sequence: move it past the imported ones.
		await tx.$executeRaw`SELECT setval(pg_get_serial_sequence('"AuditEvent"', 'id'), GREATEST((SELECT max(id) FROM "AuditEvent"), 1))`;
		// A new plan is a public change: running instances drop their cached pages at commit.
		await markPublicChange(tx);
	});
	return { slug: doc.slug, rows };
}
