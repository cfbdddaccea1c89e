// Public pages are served as HTML without hydration: on a phone, hydrating the whole page (and
// SvelteKit's client, the router, the message catalogue) was most of the main thread's blocking time
// (bench/RESULTS.md, « Mobile »). What they do with JavaScript (the DSFR's menus, charts, copy and
// print buttons) is the small standalone script in $lib/public-script, linked by +layout.svelte. Links
// and forms are plain ones: every page and form already works without JavaScript. No public page
// needs the router today (filters and the date of time travel are GET forms).
export const csr = false;
