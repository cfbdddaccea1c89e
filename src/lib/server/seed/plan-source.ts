// The published plan as researched in ../shared/plan/plan.json, validated before it is trusted.
import { z } from 'zod';
import raw from './plan-logiciels-libres.json' with { type: 'json' };

const fact = z.object({
	date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/),
	text: z.string().min(1),
	source_url: z.url({ protocol: /^https?$/ })
});

const planSource = z.object({
	plan: z.object({
		title: z.string(),
		adopted_on: z.string(),
		source_urls: z.array(z.url({ protocol: /^https?$/ })),
		notes: z.array(z.string()),
		known_progress: z.array(fact)
	}),
	owners: z.array(z.object({ code: z.string().regex(/^[A-Z_]+$/), name: z.string(), description: z.string() })),
	axes: z.array(
		z.object({
			number: z.number().int(),
			title: z.string(),
			owner_code: z.string(),
			measures: z.array(
				z.object({
					number: z.string().regex(/^\d+\.\d+$/),
					title: z.string(),
					description: z.string(),
					sub_actions: z.array(z.string()),
					owner_code: z.string(),
					evidence_links: z.array(z.object({ title: z.string(), url: z.url({ protocol: /^https?$/ }) })),
					known_progress: z.array(fact)
				})
			)
		})
	)
});

export type PlanSource = z.infer<typeof planSource>;
export type SourceFact = z.infer<typeof fact>;

export function loadPlanSource(): PlanSource {
	return planSource.parse(raw);
}
