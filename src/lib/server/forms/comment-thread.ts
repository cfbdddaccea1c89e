// A comment thread on any page, in a few lines: `loadCommentThread` in the page's load, the spread
// `...commentActions(resolve)` in its actions, and <CommentThread> in the page. Every action checks
// who is signed in, then goes through the action layer (action.ts); the failure of the form that
// was posted is answered under `comments`.
import { type ActionFailure, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import type { Db } from '../db';
import { requireUser, type SignedInUser } from '../auth/guards';
import { canComment, canFollow, canModerate, type CommentVisibility, type Viewer } from '../policies';
import {
	editComment,
	hideComment,
	listComments,
	postComment,
	restoreComment,
	visibilityChoices,
	type CommentScope,
	type CommentTarget,
	type CommentView
} from '../domain/comments/comments';
import { isFollowing, setFollowing } from '../domain/notifications/notifications';
import { editCommentForm, followForm, hideCommentForm, postCommentForm, restoreCommentForm } from '../validation/comments';
import { formValues, type FormValues } from './form';
import { runAction, wordings } from './action';
import { messages, type Messages } from '$lib/i18n';

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

export type { FormAnswer as CommentFailure } from './action';
import type { FormAnswer as CommentFailure } from './action';
import { notFound } from '../http/not-found';

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
	options: {
		scope: CommentScope;
		targets: { value: string; label: string }[];
		measureId?: string;
		url: URL;
		locale: 'fr' | 'en';
		/** The comments an anonymous reader sees, already read (the public read models keep them). */
		anonymous?: () => Promise<readonly CommentView[]>;
	}
): Promise<CommentThreadData> {
	const [comments, following] = await Promise.all([
		viewer === null && options.anonymous ? options.anonymous().then((list) => list as CommentView[]) : listComments(db, viewer, options.scope),
		options.measureId && canFollow(viewer) ? isFollowing(db, viewer, options.measureId) : Promise.resolve(null)
	]);
	const key = options.url.searchParams.get('commentaire');
	const saved = messages(options.locale).comments.saved;
	return {
		comments,
		targets: options.targets,
		visibilities: canComment(viewer) ? visibilityChoices(viewer) : [],
		can: { comment: canComment(viewer), moderate: canModerate(viewer), follow: Boolean(options.measureId) && canFollow(viewer) },
		following: options.measureId ? (following ?? false) : null,
		saved: key && Object.hasOwn(saved, key) ? saved[key as SavedKey] : null
	};
}

/** A thread action, declared: signed in, the page's thread, then the action layer (action.ts). */
function run<E extends RequestEvent, S extends z.ZodType>(
	event: E,
	resolve: (event: E) => Promise<ThreadContext>,
	schema: S,
	formIdOf: (values: FormValues) => string,
	work: (ctx: ThreadContext, user: SignedInUser, data: z.output<S>) => Promise<[SavedKey, string]>
): Promise<ActionFailure<{ comments: CommentFailure }>> {
	return runAction(
		event,
		{
			guard: async () => ({ user: requireUser(event), thread: await resolve(event) }),
			wording: wordings.comments,
			formId: (formData) => formIdOf(formValues(formData)),
			schema,
			run: ({ user, thread }, data) => work(thread, user, data),
			done: ([key, anchor]) => `${event.url.pathname}?commentaire=${key}#${anchor}`
		},
		(answer): { comments: CommentFailure } => ({ comments: answer })
	);
}

const idOf = (values: FormValues, key: string) => String(values[key] ?? '');

/** The named actions of a thread: spread them into the page's `actions`. */
export function commentActions<E extends RequestEvent>(resolve: (event: E) => Promise<ThreadContext>) {
	return {
		postComment: (event: E) =>
			run(
				event,
				resolve,
				postCommentForm,
				(v) => (idOf(v, 'parentId') ? `reply:${idOf(v, 'parentId')}` : 'new'),
				async (ctx, user, data) => {
					const target = ctx.target(data.target);
					if (!target) notFound(event.locals.locale);
					const { id } = await postComment(ctx.db, user, { target, parentId: data.parentId, visibility: data.visibility, body: data.body, formToken: data.formToken });
					return ['posted', `commentaire-${id}`];
				}
			),
		editComment: (event: E) =>
			run(
				event,
				resolve,
				editCommentForm,
				(v) => `edit:${idOf(v, 'commentId')}`,
				async (ctx, user, data) => {
					await editComment(ctx.db, user, data);
					return ['edited', `commentaire-${data.commentId}`];
				}
			),
		hideComment: (event: E) =>
			run(
				event,
				resolve,
				hideCommentForm,
				(v) => `hide:${idOf(v, 'commentId')}`,
				async (ctx, user, data) => {
					await hideComment(ctx.db, user, data);
					return ['hidden', `commentaire-${data.commentId}`];
				}
			),
		restoreComment: (event: E) =>
			run(
				event,
				resolve,
				restoreCommentForm,
				(v) => `restore:${idOf(v, 'commentId')}`,
				async (ctx, user, data) => {
					await restoreComment(ctx.db, user, data);
					return ['restored', `commentaire-${data.commentId}`];
				}
			),
		setFollow: (event: E) =>
			run(
				event,
				resolve,
				followForm,
				() => 'follow',
				async (ctx, user, data) => {
					if (!ctx.measureId) notFound(event.locals.locale);
					await setFollowing(ctx.db, user, { measureId: ctx.measureId, follow: data.follow });
					return [data.follow ? 'followed' : 'unfollowed', 'commentaires'];
				}
			)
	};
}
