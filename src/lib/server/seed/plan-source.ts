// The published plan as researched in ../shared/plan/plan.json, validated before it is trusted.
import { z } from 'zod';
import raw from './plan-logiciels-libres.json' with { type: 'json' };

/** A web address as a browser and a Table Schema `uri` reader take it: no trailing dot in the host. */
const webUrl = () => z.url({ protocol: /^https?$/, hostname: /[^.]$/ });

const fact = z.object({
	date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/),
	text: z.string().min(1),
	source_url: webUrl()
});

export const planSourceSchema = z.object({
	plan: z.object({
		title: z.string(),
		adopted_on: z.string(),
		source_urls: z.array(webUrl()),
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
					evidence_links: z.array(z.object({ title: z.string(), url: webUrl() })),
					known_progress: z.array(fact)
				})
			)
		})
	)
});

export type PlanSource = z.infer<typeof planSourceSchema>;
export type SourceFact = z.infer<typeof fact>;

export function loadPlanSource(): PlanSource {
	return planSourceSchema.parse(raw);
}
