import { describe, expect, it } from 'vitest';
import { changeScopeOf, isPublicChange, publicChangeWhere, showsOnPublicPages } from '../../src/lib/server/public-changes';

const event = (entityType: string, action: string, before?: unknown, after?: unknown) => ({ entityType, action, before, after });

describe('public changes allow-list', () => {
	it('counts edits of public content as changes, and nothing else (deny by default)', () => {
		for (const e of [
			event('Measure', 'update'),
			event('Milestone', 'replan'),
			event('EvidenceLink', 'delete'),
			event('IndicatorValue', 'create'),
			event('ProgressUpdate', 'publish')
		]) {
			expect(isPublicChange(e), JSON.stringify(e)).toBe(true);
		}
		for (const e of [
			event('ProgressUpdateDraft', 'create'),
			event('Comment', 'create', undefined, { visibility: 'PUBLIC' }),
			event('Comment', 'update', { visibility: 'INTERNAL' }, { visibility: 'INTERNAL', hiddenAt: '2026-01-01' }),
			event('MeasureGrade', 'update'),
			event('Follow', 'create'),
			event('NotificationRead', 'update'),
			event('User', 'update'),
			event('SomethingNew', 'update')
		]) {
			expect(isPublicChange(e), JSON.stringify(e)).toBe(false);
		}
	});

	it('refreshes public pages for public changes, public comments and publications, not for private activity', () => {
		expect(showsOnPublicPages(event('Measure', 'update'))).toBe(true);
		expect(showsOnPublicPages(event('Comment', 'create', undefined, { visibility: 'PUBLIC' }))).toBe(true);
		// Hiding a public comment removes it from the public page.
		expect(showsOnPublicPages(event('Comment', 'update', { visibility: 'PUBLIC' }, { visibility: 'PUBLIC', hiddenAt: 'x' }))).toBe(true);
		expect(showsOnPublicPages(event('Opinion', 'publish', { state: 'ADOPTED' }, { state: 'PUBLISHED' }))).toBe(true);
		expect(showsOnPublicPages(event('ReportRound', 'publish', { status: 'SUBMITTED' }, { status: 'PUBLISHED' }))).toBe(true);
		for (const e of [
			event('Comment', 'create', undefined, { visibility: 'INTERNAL' }),
			event('Comment', 'update', { visibility: 'WORKING_GROUP' }, { visibility: 'WORKING_GROUP', hiddenAt: 'x' }),
			event('MeasureGrade', 'update', { grade: null }, { grade: 'SUBSTANTIAL' }),
			event('Opinion', 'update', { state: 'DRAFT' }, { state: 'DRAFT' }),
			event('ReportRound', 'update', { status: 'DRAFT' }, { status: 'SUBMITTED' }),
			event('Follow', 'create'),
			event('NotificationRead', 'update'),
			event('NotificationDigest', 'create'),
			event('PasswordReset', 'create'),
			event('User', 'update', undefined, { sessionsEnded: 1 }),
			event('ProgressUpdateDraft', 'update')
		]) {
			expect(showsOnPublicPages(e), JSON.stringify(e)).toBe(false);
		}
	});

	it('gives the database the same list as the function', () => {
		const clauses = publicChangeWhere.OR as { entityType: string; action: { in: string[] } }[];
		for (const { entityType, action } of clauses) {
			for (const a of action.in) expect(isPublicChange(event(entityType, a))).toBe(true);
		}
		expect(clauses.some((c) => c.entityType === 'Comment' || c.entityType === 'ProgressUpdateDraft')).toBe(false);
	});

	it('scopes a change to its measure only when no other measure’s page or other plan can show it', () => {
		const on = { planId: 'p', measureId: 'm' };
		const measure = { kind: 'measure', measureId: 'm', planId: 'p' };
		expect(changeScopeOf({ ...event('Measure', 'update', { title: 'a' }, { title: 'b' }), ...on })).toEqual(measure);
		expect(changeScopeOf({ ...event('Milestone', 'replan'), ...on })).toEqual(measure);
		expect(changeScopeOf({ ...event('EvidenceLink', 'create'), measureId: 'm' })).toEqual({ kind: 'measure', measureId: 'm', planId: null });
		// A number is another page's address: created, deleted or renumbered, the plan's pages all go.
		expect(changeScopeOf({ ...event('Measure', 'update', { number: '1.1' }, { number: '2.1' }), ...on })).toEqual({ kind: 'plan', planId: 'p' });
		expect(changeScopeOf({ ...event('Measure', 'create'), ...on })).toEqual({ kind: 'plan', planId: 'p' });
		expect(changeScopeOf({ ...event('Measure', 'delete'), ...on })).toEqual({ kind: 'plan', planId: 'p' });
		expect(changeScopeOf({ ...event('Axis', 'update'), planId: 'p' })).toEqual({ kind: 'plan', planId: 'p' });
		expect(changeScopeOf({ ...event('Opinion', 'publish'), ...on })).toEqual({ kind: 'plan', planId: 'p' });
		// Shown across plans, or unplaced: the whole instance.
		for (const e of [event('Plan', 'update'), event('Owner', 'create'), event('MeasureSuccession', 'create')]) {
			expect(changeScopeOf({ ...e, ...on }), JSON.stringify(e)).toEqual({ kind: 'instance' });
		}
		expect(changeScopeOf(event('Milestone', 'update'))).toEqual({ kind: 'instance' });
	});
});
