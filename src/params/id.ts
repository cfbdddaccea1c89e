import type { ParamMatcher } from '@sveltejs/kit';
import { PARAM_PATTERNS } from '$lib/route-params';

export const match = ((param) => PARAM_PATTERNS.id.test(param)) satisfies ParamMatcher;
