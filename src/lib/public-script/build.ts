// Adds the public pages' script (main.ts) to SvelteKit's client build as an entry of its own, at a
// fixed address that the server can link (`/_app/public.js`; PublicScript.svelte adds the build's
// version to it, so a new build is not read from a stale cache). Its imports are ordinary hashed
// chunks, shared with the hydrated pages where they are the same (the DSFR's script, chart.js).
import path from 'node:path';
import type { Plugin } from 'vite';

export function publicScript(): Plugin {
	let client = false;
	return {
		name: 'jalons-public-script',
		apply: 'build',
		configResolved(config) {
			client = !config.build.ssr;
		},
		buildStart() {
			if (client) this.emitFile({ type: 'chunk', id: path.resolve('src/lib/public-script/main.ts'), fileName: '_app/public.js' });
		}
	};
}
