// The DSFR stylesheets Jalons uses, instead of the whole dsfr.min.css (~870 KB raw, ~120 KB gzip).
// Order: core, scheme (dark theme), then components in the DSFR's own order (src/dsfr/component/main.scss).
// Left out: IE11 legacy and print files, utility icon classes, and components no page uses
// (connect, consent, follow, share, range, stepper, transcription, upload, display).
// A page that starts using one of those needs its line added here; see docs/contributing.md, « Poids des pages ».
import '@gouvfr/dsfr/dist/core/core.main.min.css';
import '@gouvfr/dsfr/dist/scheme/scheme.min.css';
import '@gouvfr/dsfr/dist/component/accordion/accordion.main.min.css';
import '@gouvfr/dsfr/dist/component/badge/badge.main.min.css';
import '@gouvfr/dsfr/dist/component/logo/logo.main.min.css';
import '@gouvfr/dsfr/dist/component/button/button.main.min.css';
import '@gouvfr/dsfr/dist/component/quote/quote.main.min.css';
import '@gouvfr/dsfr/dist/component/breadcrumb/breadcrumb.main.min.css';
import '@gouvfr/dsfr/dist/component/form/form.main.min.css';
import '@gouvfr/dsfr/dist/component/tooltip/tooltip.main.min.css';
import '@gouvfr/dsfr/dist/component/link/link.main.min.css';
import '@gouvfr/dsfr/dist/component/sidemenu/sidemenu.main.min.css';
import '@gouvfr/dsfr/dist/component/callout/callout.main.min.css';
import '@gouvfr/dsfr/dist/component/highlight/highlight.main.min.css';
import '@gouvfr/dsfr/dist/component/tab/tab.main.min.css';
import '@gouvfr/dsfr/dist/component/pagination/pagination.main.min.css';
import '@gouvfr/dsfr/dist/component/summary/summary.main.min.css';
import '@gouvfr/dsfr/dist/component/tag/tag.main.min.css';
import '@gouvfr/dsfr/dist/component/alert/alert.main.min.css';
import '@gouvfr/dsfr/dist/component/notice/notice.main.min.css';
import '@gouvfr/dsfr/dist/component/radio/radio.main.min.css';
import '@gouvfr/dsfr/dist/component/card/card.main.min.css';
import '@gouvfr/dsfr/dist/component/checkbox/checkbox.main.min.css';
import '@gouvfr/dsfr/dist/component/input/input.main.min.css';
import '@gouvfr/dsfr/dist/component/content/content.main.min.css';
import '@gouvfr/dsfr/dist/component/segmented/segmented.main.min.css';
import '@gouvfr/dsfr/dist/component/toggle/toggle.main.min.css';
import '@gouvfr/dsfr/dist/component/skiplink/skiplink.main.min.css';
import '@gouvfr/dsfr/dist/component/select/select.main.min.css';
import '@gouvfr/dsfr/dist/component/upload/upload.main.min.css';
import '@gouvfr/dsfr/dist/component/modal/modal.main.min.css';
import '@gouvfr/dsfr/dist/component/navigation/navigation.main.min.css';
import '@gouvfr/dsfr/dist/component/footer/footer.main.min.css';
import '@gouvfr/dsfr/dist/component/tile/tile.main.min.css';
import '@gouvfr/dsfr/dist/component/search/search.main.min.css';
import '@gouvfr/dsfr/dist/component/password/password.main.min.css';
import '@gouvfr/dsfr/dist/component/translate/translate.main.min.css';
import '@gouvfr/dsfr/dist/component/table/table.main.min.css';
import '@gouvfr/dsfr/dist/component/header/header.main.min.css';
