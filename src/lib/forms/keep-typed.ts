// Svelte writes every field's `value` again as it hydrates a page (sveltejs/kit#8895, still open):
// what a person typed or chose while the page's script was loading would be silently replaced by the
// value the server sent. The fields edited before hydration are remembered, from the app's start
// (src/hooks.client.ts) and while its code loads, and given back once the page is hydrated.

type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
/** A text field's value, a box's checked state, or a list's chosen options. */
type Typed = string | boolean | string[];

const UNKEPT_TYPES = new Set(['file', 'hidden', 'submit', 'button', 'reset', 'image']);

function isField(target: EventTarget | null): target is Field {
	if (target instanceof HTMLInputElement) return !UNKEPT_TYPES.has(target.type);
	return target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

function isBox(field: Field): field is HTMLInputElement {
	return field instanceof HTMLInputElement && (field.type === 'checkbox' || field.type === 'radio');
}

function typedIn(field: Field): Typed {
	if (isBox(field)) return field.checked;
	if (field instanceof HTMLSelectElement) return Array.from(field.selectedOptions, (option) => option.value);
	return field.value;
}

/** True when the field no longer holds what the server sent. */
function isEdited(field: Field): boolean {
	if (isBox(field)) return field.checked !== field.defaultChecked;
	if (field instanceof HTMLSelectElement) return Array.from(field.options).some((option) => option.selected !== option.defaultSelected);
	return field.value !== field.defaultValue;
}

function same(a: Typed, b: Typed): boolean {
	return Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((value, i) => value === b[i]) : a === b;
}

function giveBack(field: Field, typed: Typed): void {
	if (typeof typed === 'boolean') (field as HTMLInputElement).checked = typed;
	else if (Array.isArray(typed)) for (const option of (field as HTMLSelectElement).options) option.selected = typed.includes(option.value);
	else field.value = typed;
	// The page's own handlers (bound state, drafts) learn of it as if it had just been typed.
	field.dispatchEvent(new Event('input', { bubbles: true }));
	field.dispatchEvent(new Event('change', { bubbles: true }));
}

/**
 * Starts remembering the fields edited in `root` (those already edited, then each edit); the function
 * returned stops and gives back to each field still in the page what was typed there, if hydration
 * replaced it.
 */
function keepTypedFields(root: Document = document): () => void {
	const typed = new Map<Field, Typed>();
	for (const field of root.querySelectorAll('input, textarea, select')) {
		if (isField(field) && isEdited(field)) typed.set(field, typedIn(field));
	}
	const remember = (event: Event) => {
		if (isField(event.target)) typed.set(event.target, typedIn(event.target));
	};
	root.addEventListener('input', remember, true);
	root.addEventListener('change', remember, true);
	return () => {
		root.removeEventListener('input', remember, true);
		root.removeEventListener('change', remember, true);
		for (const [field, value] of typed) {
			if (field.isConnected && !same(typedIn(field), value)) giveBack(field, value);
		}
		typed.clear();
	};
}

let pending: (() => void) | null = null;

/** From the app's start (hooks.client.ts `init`), before the first page is hydrated. */
export function keepTypedUntilHydrated(): void {
	pending ??= keepTypedFields();
}

/** Once the first page is hydrated (the root layout's onMount); later navigations draw new fields. */
export function giveBackTyped(): void {
	pending?.();
	pending = null;
}
