import type { PageServerLoad } from './$types';
import { readRefusal } from '$lib/server/auth/proconnect-refusal';

export const load: PageServerLoad = ({ cookies, url }) => readRefusal(cookies, url);
