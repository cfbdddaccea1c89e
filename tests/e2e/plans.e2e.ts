// Plans and their life cycle (issue 11), JavaScript on and off: an admin creates a draft plan, which
// signed-in people see with a notice and the public gets as a 404; once active, the home page lists
// the plans; an archived plan shows its banner ("archivé le …, suivi par …") on every page, and its
// editing pages refuse, on the page and on the server, until an admin reopens it. Each project uses
// its own plans; the spec puts them back as drafts at the end (over HTTP), so that the other specs'
// home page is still the real plan's.
import { test, expect, ACCOUNTS, settled, expectNoAxeViolations, fetchPage, serverOrigin } from './fixtures';
import { LIFECYCLE_PLAN } from './lifecycle-plans';
import { putBackAsDrafts, setPlanStatus as setStatus, setPlanStatusOverHttp } from './plan-admin';

const project = () => test.info().project.name;
const created = () => ({ slug: `plan-cree-${project()}`, title: `Plan créé par l’e2e (${project()})` });

test.afterEach(async ({ playwright, sessions }, testInfo) => {
	await putBackAsDrafts({ playwright, sessions }, testInfo, [created().slug, LIFECYCLE_PLAN.slug(project())]);
});

test('an admin creates a draft plan, publishes it, and archives another one naming it as successor', async ({ page, signInAs, browser }) => {
	// About 40 page loads in one scenario: on a shared 2-core machine it can outlast the default budget.
	test.slow();
	const plan = created();
	const anonymous = await browser.newPage({ baseURL: serverOrigin(), javaScriptEnabled: project() === 'js' });
	await signInAs(page, ACCOUNTS.admin);

	// Created as a draft, from the plans admin (linked from the header).
	await page.goto('/');
	await page.getByRole('link', { name: 'Plans', exact: true }).first().click();
	await expect(page.getByRole('heading', { level: 1, name: 'Plans' })).toBeVisible();
	await page.getByRole('link', { name: 'Créer un plan' }).click();
	await settled(page);
	await page.getByLabel(/^Identifiant/).fill(plan.slug);
	await page.getByLabel('Titre', { exact: true }).fill(plan.title);
	await page.getByLabel(/^Date d’adoption/).fill('2026-01-15');
	await expect(page.getByRole('radio', { name: /^Brouillon/ })).toBeChecked();
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Créer le plan' }).click();
	await expect(page.getByText('Le plan est créé.')).toBeVisible();

	// A taken identifier is refused next to the field.
	await page.goto('/admin/plans/nouveau');
	await page.getByLabel(/^Identifiant/).fill(plan.slug);
	await page.getByLabel('Titre', { exact: true }).fill('Doublon');
	await page.getByRole('button', { name: 'Créer le plan' }).click();
	await expect(page.getByText('Un plan porte déjà cet identifiant.')).toBeVisible();

	// Signed in: the draft shows, with its notice. The public: a 404, and not on the home page.
	await page.goto(`/plans/${plan.slug}`);
	await expect(page.getByText('Ce plan est un brouillon : seules les personnes connectées le voient.', { exact: false })).toBeVisible();
	expect((await anonymous.goto(`/plans/${plan.slug}`))?.status()).toBe(404);
	expect((await anonymous.request.get(`/flux/${plan.slug}.atom`)).status()).toBe(404);
	await anonymous.goto('/');
	await expect(anonymous.getByText(plan.title)).toHaveCount(0);

	// Published: the home page lists both public plans.
	await setStatus(page, plan.slug, 'Actif');
	expect((await anonymous.goto(`/plans/${plan.slug}`))?.status()).toBe(200);
	await anonymous.goto('/');
	await expect(anonymous.getByRole('heading', { level: 1, name: 'Plans suivis' })).toBeVisible();
	await expect(anonymous.getByRole('link', { name: plan.title })).toBeVisible();
	await expect(anonymous.getByRole('link', { name: /logiciels libres/i })).toBeVisible();
	await expectNoAxeViolations(anonymous);

	// Another plan, with a measure, published (over HTTP: publishing was checked above) then archived
	// with the new one as its successor.
	const old = LIFECYCLE_PLAN.slug(project());
	await setPlanStatusOverHttp(page.request, old, 'ACTIVE');
	await page.goto(`/admin/plans/${old}`);
	await settled(page);
	const archive = page.getByRole('region', { name: 'Archiver le plan' });
	await archive.getByLabel(/^Note \(facultatif\)/).fill('Remplacé par le plan créé par l’e2e.');
	await archive.getByLabel(/^Plan qui lui succède/).selectOption({ label: plan.title });
	await archive.getByRole('button', { name: 'Archiver le plan' }).click();
	await expect(page.getByText('Le plan est archivé.')).toBeVisible();

	// The banner on its pages, for everyone, with the successor's link: as the server renders them (its
	// dashboard and list), then in the browser on a measure page, with axe.
	for (const path of [`/plans/${old}`, `/plans/${old}/mesures`]) {
		const { status, document } = await fetchPage(anonymous.request, path);
		expect(status, path).toBe(200);
		const banner = document.querySelector('[data-plan-banner="archived"]');
		expect(banner?.text.replace(/\s+/g, ' '), path).toMatch(/Plan archivé le .+, suivi par\s/);
		expect(banner?.text, path).toContain('Remplacé par le plan créé par l’e2e.');
		expect(
			banner?.querySelectorAll('a').some((a) => a.text.trim() === plan.title),
			path
		).toBe(true);
	}
	await anonymous.goto(`/plans/${old}/mesures/${LIFECYCLE_PLAN.measure}`);
	const banner = anonymous.locator('[data-plan-banner="archived"]');
	await expect(banner).toContainText(/Plan archivé le .+, suivi par\s/);
	await expect(banner).toContainText('Remplacé par le plan créé par l’e2e.');
	await expect(banner.getByRole('link', { name: plan.title })).toBeVisible();
	await expectNoAxeViolations(anonymous);

	// Its measure: no edit link, an editing page without forms, and the server refuses a post anyway.
	const measure = `/plans/${old}/mesures/${LIFECYCLE_PLAN.measure}`;
	await page.goto(measure);
	await expect(page.getByRole('link', { name: 'Modifier cette mesure' })).toHaveCount(0);
	await page.goto(`${measure}/modifier`);
	await expect(page.getByText(/Ce plan est archivé depuis le .+\s:\sil n’est plus modifiable\./).first()).toBeVisible();
	await expect(page.getByRole('button', { name: 'Enregistrer la mesure' })).toHaveCount(0);
	await page.goto(`${measure}/modifier/jalons`);
	await expect(page.getByRole('button', { name: 'Ajouter le jalon' })).toHaveCount(0);
	const refused = await page.request.post(`${measure}/modifier/jalons?/addMilestone`, {
		headers: { origin: serverOrigin(), accept: 'text/html' },
		form: { title: 'Jalon refusé', titleEn: '', description: '', weight: '1', planned: '2027-01-01' }
	});
	expect(refused.status()).toBe(400);
	expect((await fetchPage(page.request, measure)).text).not.toContain('Jalon refusé');

	// Reopened from its settings page: editable again (the clean-up then puts it back as a draft).
	await page.goto(`/admin/plans/${old}`);
	await settled(page);
	await page.getByRole('button', { name: 'Rouvrir le plan' }).click();
	await expect(page.getByText('Le plan est rouvert : il est de nouveau modifiable.')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Enregistrer les réglages' })).toBeVisible();
	await anonymous.close();
});
