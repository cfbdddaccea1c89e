// Buttons that only work with JavaScript: the server renders them inside `[data-js-only]` wrappers,
// hidden, and the instructions that stand in for them without JavaScript as `[data-no-js]`. One
// listener serves them all: `data-copy` (the id of the field to copy; messages on the status
// element named by `data-copy-status`) and `data-print`.
export function wireControls(root: Document): void {
	for (const element of root.querySelectorAll<HTMLElement>('[data-js-only]')) element.hidden = false;
	for (const element of root.querySelectorAll<HTMLElement>('[data-no-js]')) element.hidden = true;
	root.addEventListener('click', (event) => {
		const button = event.target instanceof Element ? event.target.closest<HTMLButtonElement>('button[data-copy], button[data-print]') : null;
		if (!button) return;
		if (button.dataset.print !== undefined) window.print();
		else void copy(root, button);
	});
}

async function copy(root: Document, button: HTMLButtonElement): Promise<void> {
	const field = root.getElementById(button.dataset.copy ?? '');
	const status = root.getElementById(button.dataset.copyStatus ?? '');
	if (!(field instanceof HTMLTextAreaElement) || !status) return;
	try {
		await navigator.clipboard.writeText(field.value);
		status.textContent = status.dataset.copied ?? '';
	} catch {
		// No clipboard access (an insecure context, a refusal): the text is selected for a manual copy.
		field.select();
		status.textContent = status.dataset.copyFailed ?? '';
	}
}
