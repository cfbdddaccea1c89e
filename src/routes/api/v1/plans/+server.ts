import type { RequestHandler } from './$types';
import { apiJson, apiRoute } from '$lib/server/api/respond';
import { listPlans } from '$lib/server/api/resources';
import { requestDb } from '$lib/server/db/request';
import { publicOrigin } from '$lib/server/config';

export const GET: RequestHandler = apiRoute(async ({ request }) => apiJson(request, { data: await listPlans(await requestDb(), publicOrigin()) }));
