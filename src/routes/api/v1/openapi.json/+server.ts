import type { RequestHandler } from './$types';
import { apiJson, apiRoute } from '$lib/server/api/respond';
import { openApiDocument } from '$lib/server/api/openapi';

export const GET: RequestHandler = apiRoute(async ({ request, url }) => apiJson(request, openApiDocument(url.origin)));
