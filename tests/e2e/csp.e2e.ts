// The enforced Content-Security-Policy blocks nothing the pages need: no violation is reported
// while public pages (their standalone script) and signed-in pages (hydrated) load (JavaScript on and off).
import { test, expect, ACCOUNTS, settled, signIn } from './fixtures';

test('pages load without any Content-Security-Policy violation', async ({ page }) => {
	const violations: string[] = [];
	page.on('console', (message) => {
		if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) violations.push(message.text());
	});
	await page.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (event) => console.error(`Content Security Policy: ${event.violatedDirective} ${event.blockedURI}`));
	});
	const slugLink = async () => {
		await page.goto('/');
		return (await page.locator('a[href^="/plans/"]').first().getAttribute('href')) ?? '/';
	};
	const plan = await slugLink();
	for (const path of ['/', plan, '/connexion']) {
		const response = await page.goto(path);
		expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
		await settled(page);
	}
	// Through the form (JavaScript on: an enhanced post), which the other scenarios mostly skip.
	await signIn(page, ACCOUNTS.pole);
	await page.goto('/compte');
	await settled(page);
	expect(violations).toEqual([]);
});
