// What a read model depends on, as tags, and which tags a public write drops (public-changes.ts says
// what the write touched): a save of one measure keeps the other measures' pages and every other
// plan's models. A model with no tag is dropped only by an instance-wide change.
import type { TouchedContent } from '../public-changes';

export const tags = {
	/** A plan's own pages: dashboard, list, life cycle. Any change in the plan drops them. */
	plan: (slug: string) => `plan\n${slug}`,
	/** Dropped by a change to the plan as a whole (axes, numbering, reports): its measure pages, its life cycle. */
	wholePlan: (slug: string) => `whole-plan\n${slug}`,
	/** One measure's page, by its address. */
	measure: (slug: string, number: string) => `measure\n${slug}\n${number}`,
	/** A measure's models keyed by its id (comments, dead links): they do not know their plan. */
	measureId: (id: string) => `measure-id\n${id}`,
	/** Dropped by a change to any plan as a whole (the models above that do not know their plan). */
	anyPlanWide: 'plan-wide\n*',
	/** Dropped by any change at all (models that show parts of several plans: the plans list, successions). */
	any: 'any'
} as const;

/** The tags a set of changes drops. */
export function droppedTags(touched: readonly TouchedContent[]): Set<string> {
	const dropped = new Set<string>();
	if (touched.length > 0) dropped.add(tags.any);
	for (const change of touched) {
		dropped.add(tags.plan(change.slug));
		if (change.kind === 'plan') {
			dropped.add(tags.wholePlan(change.slug));
			dropped.add(tags.anyPlanWide);
		} else {
			dropped.add(tags.measure(change.slug, change.number));
			dropped.add(tags.measureId(change.measureId));
		}
	}
	return dropped;
}
