// The DSFR's script, only the parts Jalons' markup uses (80 KB raw instead of the whole bundle's 110):
// the core (collapses, including the language selector's menu), the colour scheme, and the header,
// modal (the header's menu on small screens), navigation, breadcrumb, table and checkbox components.
// The bundle's other components have no markup here (accordion, tabs, equisized buttons, download
// cards, pressable tags…): add a component's file when its markup comes. Order matters: each component file reads `window.dsfr`, which the core sets up.
import '@gouvfr/dsfr/dist/core/core.module.min.js';
import '@gouvfr/dsfr/dist/scheme/scheme.module.min.js';
import '@gouvfr/dsfr/dist/component/navigation/navigation.module.min.js';
import '@gouvfr/dsfr/dist/component/modal/modal.module.min.js';
import '@gouvfr/dsfr/dist/component/header/header.module.min.js';
import '@gouvfr/dsfr/dist/component/breadcrumb/breadcrumb.module.min.js';
import '@gouvfr/dsfr/dist/component/table/table.module.min.js';
import '@gouvfr/dsfr/dist/component/checkbox/checkbox.module.min.js';

export function startDsfr() {
	(window as unknown as { dsfr: { start(): void } }).dsfr.start();
}
