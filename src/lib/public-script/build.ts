// Adds the public pages' script (main.ts) to SvelteKit's client build as an entry of its own, at a
// fixed address that the server can link (`/_app/public.js`; PublicScript.svelte adds the build's
// version to it, so a new build is not read from a stale cache), and its later parts (parts.ts) as
// entries beside it, which it fetches by address. Their imports are ordinary hashed chunks, shared
// with the hydrated pages where they are the same.
import path from 'node:path';
import type { Plugin } from 'vite';
import { PARTS, partFile, type Part } from './parts.ts';

export function publicScript(): Plugin {
	let client = false;
	return {
		name: 'jalons-public-script',
		apply: 'build',
		configResolved(config) {
			client = !config.build.ssr;
		},
		buildStart() {
			if (!client) return;
			this.emitFile({ type: 'chunk', id: path.resolve('src/lib/public-script/main.ts'), fileName: '_app/public.js' });
			for (const part of Object.keys(PARTS) as Part[]) {
				this.emitFile({ type: 'chunk', id: path.resolve(PARTS[part]), fileName: `_app/${partFile(part)}`, preserveSignature: 'strict' });
			}
		}
	};
}
