// Browser hooks. `init` runs once, before the first page is hydrated.
import type { ClientInit } from '@sveltejs/kit';
import { keepTypedUntilHydrated } from '$lib/forms/keep-typed';

export const init: ClientInit = () => keepTypedUntilHydrated();
