// Forms of a comment thread. Strict schemas: an extra field (authorId, hiddenAt…) refuses the post.
import { z } from 'zod';
import { formToken, text, version } from '../forms/form';
import { COMMENT_VISIBILITIES } from '../policies';
import { BODY_MAX, REASON_MAX } from '../domain/comments/comments';

const commentId = z
	.string()
	.trim()
	.regex(/^[a-z0-9]{10,40}$/, { error: 'form.invalidChoice' });
/** "measure", "milestone:<id>", "report" (the round of the page): the page says which it accepts. */
const target = z
	.string()
	.trim()
	.regex(/^(measure|report|milestone:[A-Za-z0-9_-]{1,64})$/, { error: 'form.invalidChoice' });

export const postCommentForm = z.strictObject({
	target,
	parentId: z.union([z.literal('').transform(() => null), commentId]).default(null),
	visibility: z.enum(COMMENT_VISIBILITIES),
	body: text(BODY_MAX),
	formToken
});

export const editCommentForm = z.strictObject({ commentId, version, body: text(BODY_MAX) });
export const hideCommentForm = z.strictObject({ commentId, version, reason: text(REASON_MAX) });
export const restoreCommentForm = z.strictObject({ commentId, version });
export const followForm = z.strictObject({ follow: z.enum(['true', 'false']).transform((v) => v === 'true') });
export const markAllReadForm = z.strictObject({});
