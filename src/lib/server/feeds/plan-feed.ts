// Atom feeds of a plan, an axis or a measure: published updates, status changes and milestones
// reached. Status and milestone entries come from the audit log, which is append-only, so an entry
// never changes once published. A fixed number of queries whatever the plan's size. An archived
// plan's feeds are frozen at the end of its archive day: nothing dated later (the day may be earlier
// than the archiving itself), and `updated` never later either.
import type { Db } from '../db';
import type { Prisma } from '../db/generated/client';
import { publicChangeWhere } from '../public-changes';
import { format, formatDay, messages, type Locale } from '../../i18n';
import { STATUS_KEYS } from '../../domain/status';
import { renderAtom, type AtomEntry } from './atom';
import { updateEntry, urnUuid, type FeedMeasure } from './entries';

export type FeedScope = { kind: 'plan' } | { kind: 'axis'; number: number } | { kind: 'measure'; number: string };

/** Enough for a feed reader; older entries stay in the open data files. */
const ENTRY_LIMIT = 50;
/** Audit events scanned for status changes and milestones done (most events are other edits). */
const EVENT_WINDOW = 1000;

type Rec = Record<string, unknown>;
const asRecord = (json: Prisma.JsonValue | null): Rec | null => (json && typeof json === 'object' && !Array.isArray(json) ? json : null);
const statusOf = (value: unknown) => STATUS_KEYS.find((k) => k === value) ?? 'NOT_REPORTED';

interface Target {
	id: string;
	title: string;
	alternate: string;
	measureIds: string[] | null;
}

export async function buildFeed(db: Db, slug: string, scope: FeedScope, selfUrl: string, locale: Locale = 'fr'): Promise<string | null> {
	const t = messages(locale);
	const plan = await db.plan.findUnique({
		where: { slug },
		select: { id: true, slug: true, title: true, contentLicence: true, updatedAt: true, status: true, archivedOn: true }
	});
	if (!plan) return null;
	const frozenAt = plan.status === 'ARCHIVED' && plan.archivedOn ? new Date(plan.archivedOn.getTime() + 86_400_000 - 1) : null;
	const until = frozenAt ? { lte: frozenAt } : undefined;
	const origin = new URL(selfUrl).origin;
	const page = (path: string) => new URL(path, origin).href;
	const [axes, measureRows] = await Promise.all([
		db.axis.findMany({ where: { planId: plan.id }, select: { id: true, number: true, title: true } }),
		db.measure.findMany({ where: { planId: plan.id }, select: { id: true, number: true, title: true, axisId: true, leadOwner: { select: { name: true } } } })
	]);
	const measures = new Map<string, FeedMeasure>(
		measureRows.map((m) => [m.id, { number: m.number, title: m.title, owner: m.leadOwner.name, url: page(`/plans/${plan.slug}/mesures/${m.number}`) }])
	);

	let target: Target;
	if (scope.kind === 'plan') {
		target = { id: `plan:${plan.id}`, title: format(t.opendata.feed.planTitle, { plan: plan.title }), alternate: page(`/plans/${plan.slug}`), measureIds: null };
	} else if (scope.kind === 'axis') {
		const axis = axes.find((a) => a.number === scope.number);
		if (!axis) return null;
		target = {
			id: `axis:${axis.id}`,
			title: format(t.opendata.feed.axisTitle, { n: axis.number, axis: axis.title }),
			alternate: page(`/plans/${plan.slug}#axe-${axis.number}`),
			measureIds: measureRows.filter((m) => m.axisId === axis.id).map((m) => m.id)
		};
	} else {
		const measure = measureRows.find((m) => m.number === scope.number);
		if (!measure) return null;
		target = {
			id: `measure:${measure.id}`,
			title: format(t.opendata.feed.measureTitle, { n: measure.number, measure: measure.title }),
			alternate: measures.get(measure.id)!.url,
			measureIds: [measure.id]
		};
	}

	const inScope = target.measureIds ? { measureId: { in: target.measureIds } } : {};
	const [updates, events] = await Promise.all([
		db.progressUpdate.findMany({
			where: { planId: plan.id, publishedAt: { not: null, ...until }, ...inScope },
			orderBy: [{ publishedAt: 'desc' }, { createdAt: 'desc' }, { id: 'desc' }],
			take: ENTRY_LIMIT
		}),
		db.auditEvent.findMany({
			where: {
				planId: plan.id,
				AND: [publicChangeWhere, { entityType: { in: ['Measure', 'Milestone'] }, action: { in: ['create', 'update'] } }],
				...(until ? { at: until } : {}),
				...inScope
			},
			orderBy: [{ at: 'desc' }, { id: 'desc' }],
			take: EVENT_WINDOW
		})
	]);

	const entries: AtomEntry[] = [];
	for (const u of updates) {
		if (!u.publishedAt) continue;
		const measure = u.measureId ? (measures.get(u.measureId) ?? null) : null;
		entries.push(updateEntry({ ...u, publishedAt: u.publishedAt }, measure, page(`/plans/${plan.slug}#faits-du-plan`), locale));
	}
	for (const event of events) {
		const measure = event.measureId ? measures.get(event.measureId) : undefined;
		if (!measure) continue;
		const before = asRecord(event.before);
		const after = asRecord(event.after);
		if (!after) continue;
		const common = { id: urnUuid(`audit:${event.id}`), updated: event.at, published: event.at, link: measure.url, authors: [measure.owner] };
		if (event.entityType === 'Measure' && event.action === 'update' && before && 'status' in after && before.status !== after.status) {
			const label = t.status[statusOf(after.status)];
			entries.push({
				...common,
				title: format(t.opendata.feed.statusTitle, { n: measure.number, status: label }),
				content: {
					type: 'text',
					value: format(t.opendata.feed.statusContent, { n: measure.number, measure: measure.title, before: t.status[statusOf(before.status)], after: label })
				},
				categories: [{ term: 'statut', label: t.opendata.feed.categories.status }]
			});
		}
		const doneOn = typeof after.doneOn === 'string' && /^\d{4}-\d{2}-\d{2}/.test(after.doneOn) ? after.doneOn.slice(0, 10) : null;
		if (event.entityType === 'Milestone' && doneOn && !before?.doneOn) {
			const milestone = typeof after.title === 'string' ? after.title : '';
			entries.push({
				...common,
				title: format(t.opendata.feed.milestoneTitle, { n: measure.number, milestone }),
				content: { type: 'text', value: format(t.opendata.feed.milestoneContent, { n: measure.number, measure: measure.title, milestone, date: formatDay(doneOn, locale) }) },
				categories: [{ term: 'jalon', label: t.opendata.feed.categories.milestone }]
			});
		}
	}
	entries.sort((a, b) => b.updated.getTime() - a.updated.getTime() || (a.id < b.id ? -1 : 1));
	const shown = entries.slice(0, ENTRY_LIMIT);

	return renderAtom({
		id: urnUuid(`feed:${target.id}`),
		title: target.title,
		subtitle: t.opendata.feed.subtitle,
		// The newest entry, not "now": the same content must give the same bytes (and ETag).
		updated: shown[0]?.updated ?? (frozenAt && frozenAt < plan.updatedAt ? frozenAt : plan.updatedAt),
		lang: locale,
		selfUrl,
		alternateUrl: target.alternate,
		authors: [t.opendata.feed.author],
		rights: plan.contentLicence,
		entries: shown
	});
}
