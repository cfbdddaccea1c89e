// The one script of public pages, which SvelteKit serves without hydration (routes/(public)/+layout.ts):
// hydrating the whole page was most of a phone's main-thread time on them. What those pages do with
// JavaScript lives here, driven by attributes the server renders; every page also works without it.
// Built as a standalone entry by build.ts; the layout's PublicScript.svelte links it.
import { drawChartsWhenSeen } from './charts';
import { wireControls } from './controls';
import { applySystemTheme, startDsfrAfterLoad } from './dsfr';

applySystemTheme();
wireControls(document);
drawChartsWhenSeen(document);
startDsfrAfterLoad();
