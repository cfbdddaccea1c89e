// Any other address under /api answers like the API does (JSON), not with the HTML 404 page.
import type { RequestHandler } from './$types';
import { apiError } from '$lib/server/api/respond';
import { messages } from '$lib/i18n';

export const fallback: RequestHandler = () => apiError(404, messages('fr').opendata.api.notFound);
