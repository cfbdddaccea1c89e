import type { MessageKey } from '../../i18n/keys';

// Expected failures of domain functions. Routes turn them into 403/404/409/400 responses with a
// localized message; anything else is unexpected and reaches handleError.

/** The actor may not do this. Nothing was written. */
export class ForbiddenError extends Error {
	constructor(message = 'forbidden') {
		super(message);
		this.name = 'ForbiddenError';
	}
}

/** The target does not exist (or is not visible to the actor). */
export class NotFoundError extends Error {
	constructor(message = 'not found') {
		super(message);
		this.name = 'NotFoundError';
	}
}

/**
 * Optimistic concurrency: the record changed since the form was loaded. `current` holds the values
 * now stored, so the page can show both versions and keep what the user typed.
 */
export class ConflictError<T = unknown> extends Error {
	constructor(
		readonly current: T,
		message = 'conflict'
	) {
		super(message);
		this.name = 'ConflictError';
	}
}

/** Values of a rule's message placeholders; `{ day }` is an ISO day, written in the reader's language. */
export type RuleParams = Record<string, string | { day: string }>;

/** A business rule refused otherwise valid input; `field` and `messageKey` (i18n key) say why. */
export class RuleError extends Error {
	constructor(
		readonly messageKey: MessageKey,
		readonly field?: string,
		readonly params: RuleParams = {}
	) {
		super(messageKey);
		this.name = 'RuleError';
	}
}

/** The same create form was posted twice (its one-time token is already used): nothing was written again. */
export class DuplicateSubmissionError extends Error {
	constructor(message = 'duplicate submission') {
		super(message);
		this.name = 'DuplicateSubmissionError';
	}
}
