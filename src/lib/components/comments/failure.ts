// The failure of one form of a thread, if the last post was that form's and failed.
import type { CommentFailure } from '$lib/server/forms/comment-thread';

export function failureOf(form: unknown, formId: string): CommentFailure | null {
	const failure = (form as { comments?: CommentFailure } | null | undefined)?.comments;
	return failure && failure.formId === formId ? failure : null;
}

export function valueOf(failure: CommentFailure | null, key: string, fallback = ''): string {
	const value = failure?.values?.[key];
	return Array.isArray(value) ? value.join('\n') : (value ?? fallback);
}
