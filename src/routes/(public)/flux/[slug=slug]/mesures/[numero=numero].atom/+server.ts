import type { RequestHandler } from './$types';
import { feedResponse } from '$lib/server/feeds/respond';

export const GET: RequestHandler = ({ params, request, url, locals }) => feedResponse(request, url, params.slug, { kind: 'measure', number: params.numero }, locals.locale);
