import type { LayoutLoad } from './$types';
import { loadMessages } from '$lib/i18n/load';

// The interface text of the page's language, loaded here rather than imported by components so
// that the browser fetches one catalogue, not both.
export const load: LayoutLoad = async ({ data }) => ({ ...data, messages: await loadMessages(data.locale) });
