import type { RequestHandler } from './$types';
import { apiJson, apiRoute } from '$lib/server/api/respond';
import { listOwners } from '$lib/server/api/resources';
import { requestDb } from '$lib/server/db/request';

export const GET: RequestHandler = apiRoute(async ({ request }) => apiJson(request, { data: await listOwners(await requestDb()) }));
