import type { RequestHandler } from './$types';
import { badgeResponse } from '$lib/server/embed/respond';

export const GET: RequestHandler = ({ params, request, url, locals }) => badgeResponse(request, url, { slug: params.slug, number: params.numero }, locals.locale);
