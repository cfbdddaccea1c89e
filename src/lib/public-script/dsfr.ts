// The DSFR's script (header menu, language menu, modals, tables), fetched once the page is parsed.
// Manual mode, as in the hydrated layout, so that the header's menu dialog is named before the DSFR
// sets it up (its script warns about an unnamed dialog); the server cannot name it, since without
// JavaScript that menu is a plain block, where aria-labelledby is not allowed.
export async function startDsfr(): Promise<void> {
	for (const dialog of document.querySelectorAll<HTMLElement>('.fr-header__menu.fr-modal')) {
		const opener = document.querySelector(`.fr-btn--menu[aria-controls="${dialog.id}"]`);
		if (opener?.id) dialog.setAttribute('aria-labelledby', opener.id);
	}
	(window as unknown as { dsfr: unknown }).dsfr = { mode: 'manual' };
	const { startDsfr } = await import('$lib/dsfr/script');
	startDsfr();
}
