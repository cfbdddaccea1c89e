// The DSFR's script (header menu, language menu, modals, tables), fetched once the page has loaded and
// painted: nothing of the first paint needs it (the server renders its components in their closed
// state, and they work without it), and a script fetched before that paint competes with the
// stylesheet on a phone's link (bench/RESULTS.md, « Mobile »).
// Manual mode, as in the hydrated layout, so that the header's menu dialog is named before the DSFR
// sets it up (its script warns about an unnamed dialog); the server cannot name it, since without
// JavaScript that menu is a plain block, where aria-labelledby is not allowed.
import { importPart } from './parts';

/** What the DSFR's scheme does when it starts, done at once: a dark system theme is not shown light until `load`. */
export function applySystemTheme(): void {
	const root = document.documentElement;
	if (root.dataset.frScheme === 'system') root.dataset.frTheme = matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function startDsfrAfterLoad(): void {
	// A frame after `load`: that frame is painted before the task that fetches the script.
	const start = () => requestAnimationFrame(() => setTimeout(() => void startDsfr()));
	if (document.readyState === 'complete') start();
	else addEventListener('load', start, { once: true });
}

async function startDsfr(): Promise<void> {
	for (const dialog of document.querySelectorAll<HTMLElement>('.fr-header__menu.fr-modal')) {
		const opener = document.querySelector(`.fr-btn--menu[aria-controls="${dialog.id}"]`);
		if (opener?.id) dialog.setAttribute('aria-labelledby', opener.id);
	}
	(window as unknown as { dsfr: unknown }).dsfr = { mode: 'manual' };
	const { startDsfr } = await importPart<typeof import('./dsfr-part')>('dsfr');
	startDsfr();
}
