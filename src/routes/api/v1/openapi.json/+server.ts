import type { RequestHandler } from './$types';
import { apiJson, apiRoute } from '$lib/server/api/respond';
import { openApiDocument } from '$lib/server/api/openapi';
import { publicOrigin } from '$lib/server/config';

export const GET: RequestHandler = apiRoute(async ({ request }) => apiJson(request, openApiDocument(publicOrigin())));
