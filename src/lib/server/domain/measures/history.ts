// Public history of a measure, read from its audit events: what changed in public fields, when, and
// in which role. Only whitelisted fields are shown (deny by default); drafts never appear; the seed's
// hundreds of "created" events become one "import" line per day.
import type { Db } from '../../db';
import { canSeeStaffNames, type Viewer } from '../../policies';
import { asRecord, changes, EVIDENCE, MEASURE, MEASURE_CREATED, MEASURE_PLACE, MEASURE_RETIREMENT, MILESTONE, oneOf, UPDATE, VALUE } from '../../../domain/history-fields';
import type { ActorRole, HistoryEntry, HistoryKind, MeasureHistory, Names, Rec, Spec } from '../../../domain/history-fields';
import { publicChangeWhere } from '../../public-changes';
import { FEED_ACTOR } from '../../audit';

export type { HistoryEntry, HistoryValue, MeasureHistory } from '../../../domain/history-fields';

/** Enough for years of work on one measure; older events are still in the audit log. */
const LIMIT = 300;

interface Described {
	kind: HistoryKind;
	specs: Spec[];
	mode: HistoryEntry['mode'];
}

/** Which public story an event tells, or null when it tells none (unknown types are not shown). */
function describe(entityType: string, action: string, after: Rec | null): Described | null {
	const mode = action === 'create' || action === 'publish' ? 'created' : action === 'delete' ? 'removed' : 'diff';
	switch (entityType) {
		case 'Measure':
			// The structure's events (structure.ts) say what they are by their keys.
			if (action === 'create') return { kind: 'measureCreated', specs: MEASURE_CREATED, mode };
			if (action !== 'update') return null;
			if (after && 'retiredOn' in after)
				return after.retiredOn ? { kind: 'measureRetired', specs: MEASURE_RETIREMENT, mode: 'created' } : { kind: 'measureReinstated', specs: MEASURE_RETIREMENT, mode };
			if (after && ('number' in after || 'axisId' in after)) return { kind: 'measureMoved', specs: MEASURE_PLACE, mode };
			return { kind: after && 'leadOwnerId' in after ? 'ownersChanged' : 'measureUpdated', specs: MEASURE, mode };
		case 'Milestone': {
			const kinds: Record<string, HistoryKind> = { create: 'milestoneAdded', update: 'milestoneUpdated', replan: 'milestoneReplanned', delete: 'milestoneRemoved' };
			return kinds[action] ? { kind: kinds[action], specs: MILESTONE, mode } : null;
		}
		case 'EvidenceLink': {
			const kinds: Record<string, HistoryKind> = { create: 'evidenceAdded', update: 'evidenceUpdated', delete: 'evidenceRemoved' };
			return kinds[action] ? { kind: kinds[action], specs: EVIDENCE, mode } : null;
		}
		case 'IndicatorValue':
			if (action === 'update') return { kind: 'valueSourceReplaced', specs: VALUE, mode };
			return action === 'create' ? { kind: 'valueAdded', specs: VALUE, mode } : null;
		case 'ProgressUpdate':
			// Only what is public: a publication, or an update created already published.
			if (action === 'publish' || (action === 'create' && after && after.publishedAt)) return { kind: 'updatePublished', specs: UPDATE, mode: 'created' };
			if (action === 'update') return { kind: 'updateSourceReplaced', specs: UPDATE, mode };
			return null;
		default:
			return null;
	}
}

function actorOf(role: string | null, actorId: string | null, label: string): { role: ActorRole; team: string | null } {
	// Values an indicator's feed collected: no one typed them, and the history says so.
	if (actorId === null && label === FEED_ACTOR.label) return { role: 'FEED', team: null };
	if (actorId === null) return { role: 'SYSTEM', team: null };
	const [base, team] = (role ?? '').split(':');
	if (team && (base === 'EDITOR' || base === 'AMDAC')) return { role: base, team };
	return { role: oneOf(['ADMIN', 'EDITOR', 'AMDAC', 'COUNCIL'] as const, role) ?? 'STAFF', team: null };
}

export async function getMeasureHistory(db: Db, viewer: Viewer, slug: string, number: string): Promise<MeasureHistory | null> {
	const measure = await db.measure.findFirst({
		where: { number, plan: { slug } },
		select: { id: true, planId: true, number: true, title: true, plan: { select: { slug: true, title: true, showStaffNames: true } } }
	});
	if (!measure) return null;
	// The plan's setting (admin, /admin/plans/<slug>): otherwise staff stay unnamed in public.
	const { showStaffNames } = measure.plan;
	const [events, owners, indicators, axes] = await Promise.all([
		db.auditEvent.findMany({
			where: { measureId: measure.id, ...publicChangeWhere },
			orderBy: [{ at: 'desc' }, { id: 'desc' }],
			take: LIMIT + 1
		}),
		db.owner.findMany({ select: { id: true, name: true } }),
		db.indicator.findMany({ where: { measureId: measure.id }, select: { id: true, name: true } }),
		db.axis.findMany({ where: { planId: measure.planId }, select: { id: true, number: true, title: true } })
	]);
	const names: Names = {
		owners: new Map(owners.map((o) => [o.id, o.name])),
		indicators: new Map(indicators.map((i) => [i.id, i.name])),
		axes: new Map(axes.map((a) => [a.id, `${a.number} – ${a.title}`]))
	};
	const showNames = canSeeStaffNames(viewer, { showStaffNames });
	const entries: HistoryEntry[] = [];
	const imports = new Map<string, HistoryEntry>();
	for (const event of events.slice(0, LIMIT)) {
		const before = asRecord(event.before);
		const after = asRecord(event.after);
		const at = event.at.toISOString();
		if (event.actorId === null && event.actorLabel === 'seed') {
			const key = at.slice(0, 10);
			const line = imports.get(key);
			if (line) line.count++;
			else {
				const entry: HistoryEntry = {
					id: `import-${key}`,
					at,
					kind: 'import',
					subject: null,
					mode: 'created',
					changes: [],
					reason: null,
					actor: { role: 'SYSTEM', team: null, name: null },
					count: 1
				};
				imports.set(key, entry);
				entries.push(entry);
			}
			continue;
		}
		const described = describe(event.entityType, event.action, after);
		if (!described) continue;
		const diff = changes(described.specs, described.mode === 'diff' ? before : null, described.mode === 'removed' ? null : after, names);
		if (described.mode === 'diff' && diff.length === 0) continue;
		// A new record's rank in its list says nothing to the public.
		const shown = described.mode === 'created' ? diff.filter((c) => c.field !== 'position') : diff;
		const subjectOf = after ?? before;
		const subject =
			event.entityType === 'IndicatorValue'
				? (names.indicators.get(String(subjectOf?.indicatorId)) ?? null)
				: typeof subjectOf?.title === 'string' && event.entityType !== 'ProgressUpdate'
					? subjectOf.title
					: null;
		const actor = actorOf(event.actorRole, event.actorId, event.actorLabel);
		entries.push({
			id: event.id.toString(),
			at,
			kind: described.kind,
			subject,
			mode: described.mode,
			changes: described.mode === 'removed' ? [] : shown,
			reason: event.reason,
			actor: { ...actor, name: showNames && actor.role !== 'FEED' ? event.actorLabel : null },
			count: 1
		});
	}
	return {
		plan: { slug: measure.plan.slug, title: measure.plan.title },
		measure: { number: measure.number, title: measure.title },
		entries,
		truncated: events.length > LIMIT
	};
}
