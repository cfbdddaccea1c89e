// The shapes of the path parameters, in one place: the route matchers (src/params/) and the few
// routes that must check who is asking before saying that a path does not exist read them here.
export const PARAM_PATTERNS = {
	/** A plan's slug. */
	slug: /^[a-z0-9-]{1,120}$/,
	/** A measure's number: "3", "3.2", "3.2.1". */
	numero: /^\d{1,3}(\.\d{1,3}){0,2}$/,
	/** A database id (cuid). */
	id: /^[a-z0-9]{1,40}$/,
	/** A team's code. */
	code: /^[A-Z0-9_]{1,60}$/
} as const;
