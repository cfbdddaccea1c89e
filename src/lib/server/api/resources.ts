// What the API returns, built from the same read models as the public pages. Fields are picked one
// by one (never spread), so a field added to a page's read model reaches the API only once it is
// described in the OpenAPI document.
import type { Db } from '../db';
import { getMeasureSummaryPage, getPlanDashboard, type MeasureSummary } from '../domain/plans/view';
import { pageMeta, type PageMeta, type PageRequest } from './pagination';
import { getMeasureDetail } from '../domain/measures/view';
import { successionsOf, type SuccessionLink } from '../domain/measures/successions';

export interface Links {
	[rel: string]: string;
}

const url = (origin: string, path: string) => new URL(path, origin).href;

function planLinks(origin: string, slug: string): Links {
	return {
		self: url(origin, `/api/v1/plans/${slug}`),
		measures: url(origin, `/api/v1/plans/${slug}/measures`),
		html: url(origin, `/plans/${slug}`),
		openData: url(origin, `/donnees/${slug}`),
		dataPackage: url(origin, `/donnees/${slug}/datapackage.json`),
		feed: url(origin, `/flux/${slug}.atom`)
	};
}

function measureLinks(origin: string, slug: string, number: string): Links {
	return {
		self: url(origin, `/api/v1/plans/${slug}/measures/${number}`),
		html: url(origin, `/plans/${slug}/mesures/${number}`),
		feed: url(origin, `/flux/${slug}/mesures/${number}.atom`)
	};
}

export async function listPlans(db: Db, origin: string) {
	// Drafts are not public: the API never names them (http/plan-access.ts answers 404 for their routes).
	const plans = await db.plan.findMany({
		where: { status: { not: 'DRAFT' } },
		orderBy: [{ isDefault: 'desc' }, { createdAt: 'asc' }],
		include: { _count: { select: { measures: true } } }
	});
	return plans.map((p) => ({
		id: p.id,
		slug: p.slug,
		title: p.title,
		titleEn: p.titleEn,
		summary: p.summary,
		adoptedOn: p.adoptedOn ? p.adoptedOn.toISOString().slice(0, 10) : null,
		status: p.status,
		archivedOn: p.archivedOn ? p.archivedOn.toISOString().slice(0, 10) : null,
		isDefault: p.isDefault,
		contentLicence: p.contentLicence,
		contentLicenceUrl: p.contentLicenceUrl,
		measureCount: p._count.measures,
		links: planLinks(origin, p.slug)
	}));
}

function measureSummary(m: MeasureSummary, axis: number, origin: string, slug: string) {
	return {
		id: m.id,
		number: m.number,
		axis,
		title: m.title,
		status: m.status,
		statusAsOf: m.statusAsOf,
		progress: { value: m.progress.value, method: m.progress.method, asOf: m.progress.asOf },
		confidence: m.confidence,
		leadOwner: { code: m.leadOwner.code, name: m.leadOwner.name },
		nextMilestone: m.nextMilestone ? { title: m.nextMilestone.title, due: m.nextMilestone.due, late: m.nextMilestone.late, daysLeft: m.nextMilestone.daysLeft } : null,
		lateMilestones: m.lateMilestones,
		latestUpdate: m.latestUpdate ? { date: m.latestUpdate.date, precision: m.latestUpdate.precision, text: m.latestUpdate.text } : null,
		links: measureLinks(origin, slug, m.number)
	};
}

export type ApiMeasureSummary = ReturnType<typeof measureSummary>;

/** The plan with its axes and their roll-ups; each axis lists the numbers of all its measures. */
export async function getPlanResource(db: Db, slug: string, origin: string) {
	const dashboard = await getPlanDashboard(db, slug);
	if (!dashboard) return null;
	const { plan } = dashboard;
	const numbers = await db.measure.findMany({
		where: { planId: plan.id },
		orderBy: [{ axis: { position: 'asc' } }, { position: 'asc' }, { id: 'asc' }],
		select: { number: true, axis: { select: { number: true } } }
	});
	return {
		id: plan.id,
		slug: plan.slug,
		title: plan.title,
		summary: plan.summary,
		adoptedOn: plan.adoptedOn,
		status: plan.status,
		archivedOn: plan.archivedOn,
		archiveNote: plan.archiveNote,
		contentLicence: plan.contentLicence,
		contentLicenceUrl: plan.contentLicenceUrl,
		sourceUrls: plan.sourceUrls,
		progress: dashboard.progress,
		statusCounts: dashboard.statusCounts,
		measureCount: dashboard.measureCount,
		lastChangeAt: dashboard.lastChangeAt,
		computedOn: dashboard.today,
		axes: dashboard.axes.map((axis) => ({
			number: axis.number,
			title: axis.title,
			leadOwner: axis.leadOwner ? { code: axis.leadOwner.code, name: axis.leadOwner.name } : null,
			progress: axis.progress,
			statusCounts: axis.statusCounts,
			measureNumbers: numbers.filter((m) => m.axis.number === axis.number).map((m) => m.number),
			links: { feed: url(origin, `/flux/${plan.slug}/axes/${axis.number}.atom`), html: url(origin, `/plans/${plan.slug}#axe-${axis.number}`) }
		})),
		links: planLinks(origin, plan.slug)
	};
}

/** One page of the plan's measures in the plan's order; only that page is read from the database. */
export async function getMeasurePageResource(db: Db, slug: string, origin: string, request: PageRequest): Promise<{ data: ApiMeasureSummary[]; meta: PageMeta } | null> {
	const page = await getMeasureSummaryPage(db, slug, request);
	if (!page) return null;
	return {
		data: page.items.map(({ axis, summary }) => measureSummary(summary, axis, origin, slug)),
		meta: pageMeta(request, page.total)
	};
}

/** A succession as the API gives it: the kind, the other plan's measure (with its API link) and the reason. */
function successionLink(link: SuccessionLink, origin: string) {
	const other = link.measure;
	return {
		kind: link.kind,
		reason: link.reason,
		measure: other ? { plan: other.plan.slug, number: other.number, title: other.title, links: measureLinks(origin, other.plan.slug, other.number) } : null
	};
}

export async function getMeasureResource(db: Db, slug: string, number: string, origin: string) {
	const m = await getMeasureDetail(db, slug, number);
	if (!m) return null;
	const successions = await successionsOf(db, m.id);
	return {
		id: m.id,
		number: m.number,
		title: m.title,
		description: m.description,
		subActions: m.subActions,
		plan: { slug: m.plan.slug, title: m.plan.title, status: m.plan.status, archivedOn: m.plan.archivedOn, archiveNote: m.plan.archiveNote },
		axis: { number: m.axis.number, title: m.axis.title },
		status: m.status,
		statusAsOf: m.statusAsOf,
		progress: { value: m.progress.value, method: m.progress.method, asOf: m.progress.asOf },
		confidence: m.confidence,
		confidenceExplanation: m.confidenceExplanation,
		confidenceAsOf: m.confidenceAsOf,
		plannedStart: m.plannedStart,
		plannedEnd: m.plannedEnd,
		endLate: m.endLate,
		retiredOn: m.retiredOn,
		retirementReason: m.retirementReason,
		leadOwner: { code: m.leadOwner.code, name: m.leadOwner.name, description: m.leadOwner.description },
		contributors: m.contributors.map((c) => ({ code: c.code, name: c.name })),
		milestones: m.milestones.map((ms) => ({
			id: ms.id,
			title: ms.title,
			description: ms.description,
			planned: ms.planned,
			forecast: ms.forecast,
			doneOn: ms.doneOn,
			weight: ms.weight,
			late: ms.late,
			replans: ms.replans.map((r) => ({ previous: r.previous, at: r.at, reason: r.reason }))
		})),
		evidence: m.evidence.map((e) => ({ id: e.id, title: e.title, url: e.url, kind: e.kind, date: e.date, milestoneTitle: e.milestoneTitle })),
		indicators: m.indicators.map((i) => ({
			id: i.id,
			name: i.name,
			description: i.description,
			unit: i.unit,
			baseline: i.baseline,
			baselineDate: i.baselineDate,
			target: i.target,
			targetDate: i.targetDate,
			direction: i.direction,
			progress: i.progress,
			values: i.values.map((v) => ({ date: v.date, precision: v.precision, value: v.value, qualifier: v.qualifier, sourceUrl: v.sourceUrl, note: v.note, automatic: v.automatic }))
		})),
		updates: m.updates.map((u) => ({
			id: u.id,
			date: u.date,
			precision: u.precision,
			text: u.text,
			blockers: u.blockers,
			nextSteps: u.nextSteps,
			sourceUrls: u.sourceUrls
		})),
		successors: successions.successors.map((s) => successionLink(s, origin)),
		predecessors: successions.predecessors.map((s) => successionLink(s, origin)),
		lastChangeAt: m.lastChangeAt,
		computedOn: m.today,
		links: measureLinks(origin, m.plan.slug, m.number)
	};
}

export async function listOwners(db: Db) {
	const owners = await db.owner.findMany({
		orderBy: { code: 'asc' },
		select: {
			code: true,
			name: true,
			description: true,
			leadMeasures: {
				where: { plan: { status: { not: 'DRAFT' } } },
				select: { number: true, position: true, plan: { select: { slug: true } } },
				orderBy: [{ planId: 'asc' }, { position: 'asc' }]
			},
			contributingMeasures: {
				where: { measure: { plan: { status: { not: 'DRAFT' } } } },
				select: { measure: { select: { number: true, position: true, plan: { select: { slug: true } } } } }
			}
		}
	});
	return owners.map((o) => ({
		code: o.code,
		name: o.name,
		description: o.description,
		measures: [
			...o.leadMeasures.map((m) => ({ plan: m.plan.slug, number: m.number, role: 'lead' as const })),
			...o.contributingMeasures
				.map((c) => c.measure)
				.sort((a, b) => a.plan.slug.localeCompare(b.plan.slug) || a.position - b.position)
				.map((m) => ({ plan: m.plan.slug, number: m.number, role: 'contributor' as const }))
		]
	}));
}
