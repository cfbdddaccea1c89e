// The same create form sent twice (a double click, a request sent again after a lost answer) adds
// nothing the second time, with JavaScript and without: the browser's post is sent twice at the
// network level and the person sees the second answer. Texts carry the project name and a time.
import { test, expect, ACCOUNTS, settled } from './fixtures';

const MILESTONES = '/plans/plan-action-logiciels-libres-et-communs-numeriques/mesures/1.3/modifier/jalons';

test('a milestone form sent twice adds the milestone once, says so, and the next entry goes through', async ({ page, signInAs }) => {
	const title = `Jalon envoyé deux fois ${test.info().project.name} ${Date.now().toString(36)}`;
	await signInAs(page, ACCOUNTS.label);
	await page.goto(MILESTONES);
	await settled(page);
	const form = page.getByRole('region', { name: 'Ajouter un jalon' });
	await form.getByLabel('Intitulé du jalon', { exact: true }).fill(title);

	// The first send reaches the server but its answer is lost; the same post goes again.
	await page.route(
		(url) => url.pathname === MILESTONES && url.search === '?/addMilestone',
		async (route) => {
			await route.fetch({ maxRedirects: 0 });
			await route.fulfill({ response: await route.fetch({ maxRedirects: 0 }) });
		},
		{ times: 1 }
	);
	await form.getByRole('button', { name: 'Ajouter le jalon' }).click();

	await expect(page.getByText('Ce formulaire avait déjà été envoyé et enregistré')).toBeVisible();
	// Shown as first loaded: empty, with its defaults (a weight of 1) back.
	await expect(form.getByLabel('Intitulé du jalon', { exact: true })).toHaveValue('');
	await expect(form.getByLabel(/^Poids/)).toHaveValue('1');
	await expect(page.getByRole('heading', { name: title })).toHaveCount(1);

	// The page has a new token: another entry is not taken for a copy of the first.
	await form.getByLabel('Intitulé du jalon', { exact: true }).fill(`${title} (suite)`);
	await form.getByRole('button', { name: 'Ajouter le jalon' }).click();
	await expect(page.getByText('Le jalon est ajouté.')).toBeVisible();
	await page.goto(MILESTONES);
	await expect(page.getByRole('heading', { name: title, exact: true })).toHaveCount(1);
	await expect(page.getByRole('heading', { name: `${title} (suite)` })).toHaveCount(1);
});
