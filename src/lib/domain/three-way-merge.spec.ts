import { describe, expect, it } from 'vitest';
import { threeWayMerge } from './three-way-merge';

describe('threeWayMerge', () => {
	const base = { status: '', description: 'Texte', titleEn: '' };

	it('takes the stored value of a field the user did not change', () => {
		const result = threeWayMerge(base, { ...base, titleEn: 'Title' }, { ...base, status: 'IN_PROGRESS' });
		expect(result).toEqual({ merged: { status: 'IN_PROGRESS', description: 'Texte', titleEn: 'Title' }, conflicts: [] });
	});

	it('keeps the value of a field only the user changed', () => {
		const result = threeWayMerge(base, { ...base, status: 'DONE' }, { ...base, description: 'Autre' });
		expect(result.merged).toEqual({ status: 'DONE', description: 'Autre', titleEn: '' });
		expect(result.conflicts).toEqual([]);
	});

	it('reports a field both changed to different values, keeping what the user typed', () => {
		const result = threeWayMerge(base, { ...base, status: 'DONE' }, { ...base, status: 'IN_PROGRESS' });
		expect(result.conflicts).toEqual(['status']);
		expect(result.merged.status).toBe('DONE');
	});

	it('is no conflict when both made the same change', () => {
		expect(threeWayMerge(base, { ...base, status: 'DONE' }, { ...base, status: 'DONE' }).conflicts).toEqual([]);
	});

	it('ignores CRLF line ends and surrounding spaces', () => {
		const result = threeWayMerge({ text: 'a\nb' }, { text: 'a\r\nb ' }, { text: 'a\nb\nc' });
		expect(result).toEqual({ merged: { text: 'a\nb\nc' }, conflicts: [] });
	});

	it('treats a field missing from the post (unchecked boxes) as empty', () => {
		const result = threeWayMerge({ ids: ['a'], x: '' }, { x: '' }, { ids: ['a'], x: 'y' });
		expect(result).toEqual({ merged: { x: 'y' }, conflicts: [] });
		expect(threeWayMerge({ ids: ['a'] }, {}, { ids: ['a', 'c'] }).conflicts).toEqual(['ids']);
	});

	it('leaves fields the form was not loaded with to the user', () => {
		expect(threeWayMerge({ status: '' }, { status: '', reason: 'pourquoi' }, { status: 'DONE', reason: '' }).merged).toEqual({
			status: 'DONE',
			reason: 'pourquoi'
		});
	});

	it('treats a field missing from the stored values (a grade cleared since) as empty', () => {
		expect(threeWayMerge({ 'grade-a': 'DONE' }, { 'grade-a': 'DONE' }, {})).toEqual({ merged: { 'grade-a': '' }, conflicts: [] });
	});
});
