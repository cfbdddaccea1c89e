// The "embed this" box of the measure and plan pages (issue 14): the <iframe> and <img> snippets on
// ORIGIN, readable without JavaScript, copy buttons only with it. The cards and badges themselves:
// embed-cards.once.e2e.ts.
import { test, expect, expectNoAxeViolations, serverOrigin, settled } from './fixtures';

const SLUG = 'plan-action-logiciels-libres-et-communs-numeriques';
const PLAN = `/plans/${SLUG}`;
const MEASURE = `${PLAN}/mesures/2.2`;

test('the embed box gives the iframe and img snippets on ORIGIN, readable without JavaScript, copy buttons only with it', async ({ page }, info) => {
	await page.goto(MEASURE);
	await settled(page);
	const box = page.getByRole('region', { name: 'Intégrer cette mesure' });
	const card = await box.getByLabel('Carte (à coller dans une page HTML)').inputValue();
	const badge = await box.getByLabel('Badge (image)').inputValue();
	const origin = serverOrigin();
	expect(card).toBe(
		`<iframe src="${origin}/integrer${MEASURE}" title="Jalons\u202f: mesure 2.2 – ${await titleOf(page)}" width="480" height="260" style="border:0;max-width:100%" loading="lazy"></iframe>`
	);
	expect(badge).toBe(`<a href="${origin}${MEASURE}"><img src="${origin}${MEASURE}/badge.svg" alt="Avancement de la mesure 2.2 sur Jalons"></a>`);
	await expect(box.getByRole('img', { name: 'Avancement de la mesure 2.2 sur Jalons' })).toBeVisible();
	const buttons = box.getByRole('button', { name: /^Copier le code/ });
	if (info.project.use.javaScriptEnabled) {
		await expect(buttons).toHaveCount(2);
		await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
		await buttons.first().click();
		await expect(box.getByRole('status')).toHaveText('Code copié.');
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(card);
	} else {
		await expect(buttons).toHaveCount(0);
	}
	// The oEmbed discovery link of the page gives the same iframe.
	const discovery = await page.locator('link[rel="alternate"][type="application/json+oembed"]').getAttribute('href');
	expect(discovery).toBe(`${origin}/oembed?url=${encodeURIComponent(origin + MEASURE)}&format=json`);
	const oembed = await (await page.request.get(discovery!)).json();
	expect(oembed).toMatchObject({ type: 'rich', version: '1.0', provider_name: 'Jalons', html: card, width: 480, height: 260 });
	await expectNoAxeViolations(page);
});

async function titleOf(page: import('@playwright/test').Page): Promise<string> {
	const h1 = (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
	return h1.replace(/^Mesure 2\.2 – /, '').trim();
}
