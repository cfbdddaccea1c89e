// The link watch in the interface, with JavaScript on and off: a possibly dead evidence link carries
// a notice on the measure page (with the Web Archive's search for it), its editors see it on the
// evidence page with a one-click replacement, a permanent redirect's target is offered but not
// applied until they submit, and the plan's data page counts the dead links. The same for the sources
// of a published update and of an indicator value (notice on the measure page, replacement on the
// updates and indicators editing pages). The check records are seeded through the domain by
// tests/e2e/dead-link-plan.ts.
import { test, expect, ACCOUNTS, settled, expectNoAxeViolations, ONCE } from './fixtures';
import { DEAD_LINK_PLAN } from './dead-link-plan';

const DEAD_SINCE = /Lien\s+possiblement\s+mort\s+depuis\s+le\s+\d{1,2}(er)?\s+\S+\s+\d{4}/;

test.beforeEach(async ({ page, signInAs }) => {
	await signInAs(page, ACCOUNTS.label);
});

test('the measure page marks a possibly dead link and points to the Web Archive', ONCE, async ({ page }, info) => {
	const project = info.project.name;
	const dead = DEAD_LINK_PLAN.dead(project);
	await page.goto(`/plans/${DEAD_LINK_PLAN.slug}/mesures/${DEAD_LINK_PLAN.measure(project)}`);
	await settled(page);
	const item = page.locator('#preuves + ul > li, section[aria-labelledby="preuves"] li').filter({ has: page.getByRole('link', { name: dead.title }) });
	await expect(item.getByTestId('dead-link')).toContainText(DEAD_SINCE);
	await expect(item.getByRole('link', { name: /archives du Web/ })).toHaveAttribute('href', `https://web.archive.org/web/*/${dead.url}`);
	// The moved link still answers: no notice on the public page.
	const moved = page.locator('section[aria-labelledby="preuves"] li').filter({ has: page.getByRole('link', { name: DEAD_LINK_PLAN.moved(project).title }) });
	await expect(moved.getByTestId('dead-link')).toHaveCount(0);
	await expectNoAxeViolations(page);
});

test('the measure page marks a possibly dead source of an update and of an indicator value, not at a past date', ONCE, async ({ page }, info) => {
	const project = info.project.name;
	const { update, value } = { update: DEAD_LINK_PLAN.update(project), value: DEAD_LINK_PLAN.value(project) };
	const measurePage = `/plans/${DEAD_LINK_PLAN.slug}/mesures/${DEAD_LINK_PLAN.measure(project)}`;
	await page.goto(measurePage);
	await settled(page);
	const updateItem = page.locator('section[aria-labelledby="avancement"] li').filter({ hasText: update.text });
	await expect(updateItem.getByTestId('dead-link')).toHaveCount(1);
	await expect(updateItem.getByTestId('dead-link')).toContainText(DEAD_SINCE);
	await expect(updateItem.getByRole('link', { name: /archives du Web/ })).toHaveAttribute('href', `https://web.archive.org/web/*/${update.dead}`);
	const valueRow = page.locator('section[aria-labelledby="indicateurs"] tr').filter({ has: page.locator(`a[href="${value.dead}"]`) });
	await expect(valueRow.getByTestId('dead-link')).toContainText(DEAD_SINCE);
	await expect(valueRow.getByRole('link', { name: /archives du Web/ })).toHaveAttribute('href', `https://web.archive.org/web/*/${value.dead}`);
	await expectNoAxeViolations(page);
	// A past view shows the page as it was, without today's findings.
	await page.goto(`${measurePage}?date=${new Date(Date.now() - 86_400_000).toISOString().slice(0, 10)}`);
	await settled(page);
	await expect(page.locator(`a[href="${update.dead}"]`)).toHaveCount(1);
	await expect(page.getByTestId('dead-link')).toHaveCount(0);
});

test('the plan’s data page counts the possibly dead links', ONCE, async ({ page }) => {
	await page.goto(`/donnees/${DEAD_LINK_PLAN.slug}`);
	await settled(page);
	await expect(page.getByTestId('dead-link-count')).toContainText(/[1-9]\d*\s+liens?\s+de\s+preuve\s+ou\s+de\s+source\s+possiblement\s+morts?/);
});

test('editors see the dead link and replace it in one click; a redirect’s target is offered, not applied', async ({ page }, info) => {
	const project = info.project.name;
	const dead = DEAD_LINK_PLAN.dead(project);
	const moved = DEAD_LINK_PLAN.moved(project);
	const evidencePage = `/plans/${DEAD_LINK_PLAN.slug}/mesures/${DEAD_LINK_PLAN.measure(project)}/modifier/preuves`;
	await page.goto(evidencePage);
	await settled(page);

	const movedItem = page.locator('li').filter({ has: page.getByRole('link', { name: moved.title, exact: true }) });
	await expect(movedItem.getByTestId('link-health')).toContainText('redirige définitivement');
	await expect(movedItem.getByLabel('Nouvelle adresse du lien')).toHaveValue(moved.to);
	// Offered, not applied: the link keeps its address until an editor submits.
	await expect(movedItem.getByRole('link', { name: moved.title, exact: true })).toHaveAttribute('href', moved.url);

	const deadItem = page.locator('li').filter({ has: page.getByRole('link', { name: dead.title, exact: true }) });
	const health = deadItem.getByTestId('link-health');
	await expect(health).toContainText(DEAD_SINCE);
	await expect(health).toContainText('réponse HTTP 404');
	await expectNoAxeViolations(page);
	const replacement = `https://www.example.org/e2e-remplacee-${project}`;
	await health.getByLabel('Nouvelle adresse du lien').fill(replacement);
	await health.getByRole('button', { name: `Remplacer le lien « ${dead.title} »` }).click();
	await expect(page.getByText('La preuve est enregistrée.')).toBeVisible();
	const replaced = page.locator('li').filter({ has: page.getByRole('link', { name: dead.title, exact: true }) });
	await expect(replaced.getByRole('link', { name: dead.title, exact: true })).toHaveAttribute('href', replacement);
	// The new address has not failed any check: no more notice, here or on the measure page.
	await expect(replaced.getByTestId('link-health')).toHaveCount(0);
	await page.goto(`/plans/${DEAD_LINK_PLAN.slug}/mesures/${DEAD_LINK_PLAN.measure(project)}`);
	await settled(page);
	await expect(page.getByRole('link', { name: dead.title })).toHaveAttribute('href', replacement);
	await expect(page.locator('section[aria-labelledby="preuves"]').getByTestId('dead-link')).toHaveCount(0);
});

test('editors replace the dead source of a published update and of an indicator value in one click', async ({ page }, info) => {
	const project = info.project.name;
	const { update, value } = { update: DEAD_LINK_PLAN.update(project), value: DEAD_LINK_PLAN.value(project) };
	const editBase = `/plans/${DEAD_LINK_PLAN.slug}/mesures/${DEAD_LINK_PLAN.measure(project)}/modifier`;

	await page.goto(`${editBase}/mises-a-jour`);
	await settled(page);
	const updateItem = page.locator('section[aria-labelledby="publiees"] li').filter({ hasText: update.text });
	const updateHealth = updateItem.getByTestId('link-health');
	// Only the dead one of its two sources.
	await expect(updateHealth).toHaveCount(1);
	await expect(updateHealth).toContainText(DEAD_SINCE);
	await expect(updateHealth).toContainText('réponse HTTP 404');
	await expectNoAxeViolations(page);
	const newSource = `https://www.example.org/e2e-source-remplacee-${project}`;
	await updateHealth.getByLabel('Nouvelle adresse du lien').fill(newSource);
	await updateHealth.getByRole('button', { name: /^Remplacer le lien/ }).click();
	await expect(page.getByText('L’adresse de la source est remplacée.')).toBeVisible();
	await expect(page.locator('section[aria-labelledby="publiees"]').getByTestId('link-health')).toHaveCount(0);

	await page.goto(`${editBase}/indicateurs`);
	await settled(page);
	const valueHealth = page
		.locator('section[id^="indicateur-"]')
		.filter({ has: page.getByRole('heading', { name: value.indicator, exact: true }) })
		.getByTestId('link-health');
	await expect(valueHealth).toHaveCount(1);
	await expect(valueHealth).toContainText(DEAD_SINCE);
	await expectNoAxeViolations(page);
	const newValueSource = `https://www.example.org/e2e-valeur-remplacee-${project}`;
	await valueHealth.getByLabel('Nouvelle adresse du lien').fill(newValueSource);
	await valueHealth.getByRole('button', { name: /^Remplacer le lien/ }).click();
	await expect(page.getByText('L’adresse de la source est remplacée.')).toBeVisible();
	await expect(page.getByTestId('link-health')).toHaveCount(0);
	await expect(page.locator(`a[href="${newValueSource}"]`)).toHaveCount(1);

	// The public page shows the new addresses, and no more notice.
	await page.goto(`/plans/${DEAD_LINK_PLAN.slug}/mesures/${DEAD_LINK_PLAN.measure(project)}`);
	await settled(page);
	await expect(page.locator(`a[href="${newSource}"]`)).toHaveCount(1);
	await expect(page.locator(`a[href="${update.live}"]`)).toHaveCount(1);
	await expect(page.locator(`a[href="${newValueSource}"]`)).toHaveCount(1);
	await expect(page.getByTestId('dead-link')).toHaveCount(0);
});
