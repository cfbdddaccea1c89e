// CSV and JSON downloads of a published round: the frozen measures, the council's grades when public,
// and the published opinions with DINUM's responses. Built from the public read model only.
import { writeCsv } from '../../opendata/csv';
import { markdownToText } from '../../markdown';
import { messages } from '$lib/i18n';
import type { RoundView } from './view';

export function roundCsv(view: RoundView): string {
	const fr = messages('fr');
	const c = fr.reports.csvColumns;
	const header = [c.number, c.title, c.status, c.progress, c.confidence, c.grade, c.milestonesDone, c.milestones, c.updates];
	const rows = view.entries.map((e) => [
		e.number,
		e.title,
		e.status,
		e.progress,
		e.confidence ?? '',
		view.grades?.[e.measureId] ?? '',
		e.milestones.filter((m) => m.doneOn).length,
		e.milestones.length,
		e.updates.map((u) => `${u.date} ${markdownToText(u.text)}`).join('\n')
	]);
	return writeCsv([header, ...rows]);
}

export function roundJson(view: RoundView): string {
	return JSON.stringify(
		{
			plan: view.plan,
			round: view.round,
			measures: view.entries.map((e) => ({ ...e, councilGrade: view.grades?.[e.measureId] ?? null })),
			changesSincePrevious: view.previous ? { previous: view.previous, changes: view.changes } : null,
			opinions: view.opinions.map((o) => ({ id: o.id, title: o.title, text: o.text, date: o.date, response: o.response, respondedAt: o.respondedAt }))
		},
		null,
		2
	);
}

export function fileName(view: RoundView, extension: 'csv' | 'json'): string {
	return `rapport-${view.plan.slug}-${view.round.periodStart}-${view.round.periodEnd}.${extension}`;
}
