// The public script's later parts, each an entry of its own at a fixed address beside public.js
// (build.ts), fetched by address: an `import()` of a module name would make Vite wrap it in its
// preload helper, a chunk that public.js would then import at once, at high priority, while the
// stylesheet is still loading — and Lighthouse counts such a script as blocking the first paint
// (bench/RESULTS.md, « Mobile »). The build's version rides along (`?v=`, as on public.js).
export const PARTS = {
	dsfr: 'src/lib/public-script/dsfr-part.ts',
	charts: 'src/lib/components/charts/chart-setup.ts'
} as const;

export type Part = keyof typeof PARTS;

export const partFile = (part: Part) => `public-${part}.js`;

export function importPart<T>(part: Part): Promise<T> {
	// In development Vite serves the sources themselves.
	const url = import.meta.env.DEV ? `/${PARTS[part]}` : sibling(partFile(part));
	return import(/* @vite-ignore */ url) as Promise<T>;
}

function sibling(file: string): string {
	const here = new URL(import.meta.url);
	const url = new URL(file, here);
	url.search = here.search;
	return url.href;
}
