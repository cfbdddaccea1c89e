// The plan's step of a breadcrumb, in the page's language: English pages show the English title
// when the plan has one, else the French one marked lang="fr" (RGAA 8.7).
import { localized, type Locale } from '$lib/i18n';

export function planCrumb(plan: { slug: string; title: string; titleEn?: string | null }, locale: Locale, query = ''): { label: string; href: string; lang?: string } {
	const { text, lang } = localized(locale, plan.title, plan.titleEn);
	return { label: text, href: `/plans/${plan.slug}${query}`, lang };
}
