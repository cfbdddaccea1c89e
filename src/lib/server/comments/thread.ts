// A comment thread on any page, in a few lines: `loadCommentThread` in the page's load, the spread
// `...commentActions(resolve)` in its actions, and <CommentThread> in the page. Every action checks
// who is signed in, parses with a strict zod schema, runs the domain write, then redirects
// (POST/redirect/GET) or answers with the failure of the form that was posted, under `comments`.
import { error, fail, redirect, type ActionFailure, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import type { Db } from '../db';
import { requireUser } from '../auth/guards';
import { canComment, canFollow, canModerate, type CommentVisibility, type Viewer } from '../policies';
import { ConflictError, ForbiddenError, NotFoundError, RuleError } from '../domain/errors';
import { editComment, hideComment, listComments, postComment, RateLimitError, restoreComment, visibilityChoices, type CommentScope, type CommentTarget, type CommentView } from '../domain/comments';
import { isFollowing, setFollowing } from '../domain/notifications';
import { editCommentForm, followForm, hideCommentForm, postCommentForm, restoreCommentForm } from '../validation/comments';
import { formValues, parseForm, ruleFeedback, type FormValues } from '../validation/form';
import { messages, plural, type Messages } from '$lib/i18n';

export interface CommentThreadData {
	comments: CommentView[];
	/** Where a new comment may go: "measure", "milestone:<id>"… with their labels. */
	targets: { value: string; label: string }[];
	/** Visibilities the viewer may choose for a new comment (empty: no form). */
	visibilities: CommentVisibility[];
	can: { comment: boolean; moderate: boolean; follow: boolean };
	/** Null when the page has nothing to follow (a report). */
	following: boolean | null;
	/** Message after a successful write ("?commentaire=posted"). */
	saved: string | null;
}

export interface CommentFailure {
	formId: string;
	values: FormValues;
	errors: Record<string, string>;
	formError?: string;
}

/** What a page tells the actions: its database, which comments it lists, and the targets it accepts. */
export interface ThreadContext {
	db: Db;
	scope: CommentScope;
	/** The target named by the form's "target" field, when this page accepts it; null otherwise. */
	target: (value: string) => CommentTarget | null;
	/** The measure followers follow, if any. */
	measureId?: string;
}

type SavedKey = keyof Messages['comments']['saved'];

export async function loadCommentThread(
	db: Db,
	viewer: Viewer,
	options: { scope: CommentScope; targets: { value: string; label: string }[]; measureId?: string; url: URL; locale: 'fr' | 'en' }
): Promise<CommentThreadData> {
	const [comments, following] = await Promise.all([
		listComments(db, viewer, options.scope),
		options.measureId && canFollow(viewer) ? isFollowing(db, viewer, options.measureId) : Promise.resolve(null)
	]);
	const key = options.url.searchParams.get('commentaire');
	const saved = messages(options.locale).comments.saved;
	return {
		comments,
		targets: options.targets,
		visibilities: canComment(viewer) ? visibilityChoices(viewer) : [],
		can: { comment: canComment(viewer), moderate: canModerate(viewer), follow: Boolean(options.measureId) && canFollow(viewer) },
		following: options.measureId ? following ?? false : null,
		saved: key && Object.hasOwn(saved, key) ? saved[key as SavedKey] : null
	};
}

function done(url: URL, key: SavedKey, anchor: string): never {
	redirect(303, `${url.pathname}?commentaire=${key}#${anchor}`);
}

async function run<S extends z.ZodType>(
	event: RequestEvent,
	resolve: (event: RequestEvent) => Promise<ThreadContext>,
	schema: S,
	formIdOf: (values: FormValues) => string,
	work: (ctx: ThreadContext, user: NonNullable<App.Locals['user']>, data: z.output<S>) => Promise<[SavedKey, string]>
): Promise<ActionFailure<{ comments: CommentFailure }>> {
	const user = requireUser(event);
	const t = messages(event.locals.locale);
	const ctx = await resolve(event);
	const formData = await event.request.formData();
	const values = formValues(formData);
	const formId = formIdOf(values);
	const failure = (status: number, formError: string, errors: Record<string, string> = {}) =>
		fail(status, { comments: { formId, values, errors, formError } });
	const parsed = parseForm(schema, formData, event.locals.locale);
	if (!parsed.ok) return fail(400, { comments: { formId, values: parsed.values, errors: parsed.errors, formError: parsed.formError } });
	let result: [SavedKey, string];
	try {
		result = await work(ctx, user, parsed.data);
	} catch (cause) {
		if (cause instanceof ForbiddenError) error(403, t.comments.errors.forbidden);
		if (cause instanceof NotFoundError) error(404, t.notFound.title);
		if (cause instanceof ConflictError) return failure(409, t.comments.errors.conflict);
		if (cause instanceof RateLimitError) return failure(429, plural(event.locals.locale, t.comments.errors.rateLimited, Math.ceil(cause.retryAfterSeconds / 60)));
		if (cause instanceof RuleError) {
			const { formError, errors } = ruleFeedback(t, cause);
			return failure(400, formError, errors);
		}
		throw cause;
	}
	done(event.url, ...result);
}

const idOf = (values: FormValues, key: string) => String(values[key] ?? '');

/** The named actions of a thread: spread them into the page's `actions`. */
export function commentActions(resolve: (event: RequestEvent) => Promise<ThreadContext>) {
	return {
		postComment: (event: RequestEvent) =>
			run(event, resolve, postCommentForm, (v) => (idOf(v, 'parentId') ? `reply:${idOf(v, 'parentId')}` : 'new'), async (ctx, user, data) => {
				const target = ctx.target(data.target);
				if (!target) error(404, messages(event.locals.locale).notFound.title);
				const { id } = await postComment(ctx.db, user, { target, parentId: data.parentId, visibility: data.visibility, body: data.body });
				return ['posted', `commentaire-${id}`];
			}),
		editComment: (event: RequestEvent) =>
			run(event, resolve, editCommentForm, (v) => `edit:${idOf(v, 'commentId')}`, async (ctx, user, data) => {
				await editComment(ctx.db, user, data);
				return ['edited', `commentaire-${data.commentId}`];
			}),
		hideComment: (event: RequestEvent) =>
			run(event, resolve, hideCommentForm, (v) => `hide:${idOf(v, 'commentId')}`, async (ctx, user, data) => {
				await hideComment(ctx.db, user, data);
				return ['hidden', `commentaire-${data.commentId}`];
			}),
		restoreComment: (event: RequestEvent) =>
			run(event, resolve, restoreCommentForm, (v) => `restore:${idOf(v, 'commentId')}`, async (ctx, user, data) => {
				await restoreComment(ctx.db, user, data);
				return ['restored', `commentaire-${data.commentId}`];
			}),
		setFollow: (event: RequestEvent) =>
			run(event, resolve, followForm, () => 'follow', async (ctx, user, data) => {
				if (!ctx.measureId) error(404, messages(event.locals.locale).notFound.title);
				await setFollowing(ctx.db, user, { measureId: ctx.measureId, follow: data.follow });
				return [data.follow ? 'followed' : 'unfollowed', 'commentaires'];
			})
	};
}
