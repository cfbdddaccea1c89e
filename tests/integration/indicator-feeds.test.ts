// Indicators fed from open data (issue 14): configuring a feed (editors only, versioned, audited),
// then collecting it over real HTTP from a local server started here, through the outbound module
// (127.0.0.1 allowed, the tests' timeout): a French CSV, JSON, a changed format, a 404, a timeout, no
// duplicate on an unchanged value, the error shown to editors after two failures in a row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type http from 'node:http';
import { freshDatabase, type TestDatabase } from '../helpers/database';
import { startHttpTarget, type HttpTarget, ANSWER_TIMEOUT_MS } from '../helpers/http-target';
import { smallPlan, user } from '../factories';
import { createOutbound } from '../../src/lib/server/net/outbound';
import { feedFetcher } from '../../src/lib/server/domain/indicator-feeds/fetch';
import { collectDueFeeds, collectFeed, dueFeedIds, type FetchFeedBody } from '../../src/lib/server/domain/indicator-feeds/collect';
import { addIndicatorFeed, listFeedsForEdit, removeIndicatorFeed, updateIndicatorFeed, type FeedFields } from '../../src/lib/server/domain/indicator-feeds/feeds';
import { indicatorFeedsJob } from '../../src/lib/server/domain/indicator-feeds/job';
import { listIndicatorsForEdit } from '../../src/lib/server/domain/measures/indicator-values';
import { getMeasureDetail } from '../../src/lib/server/domain/measures/view';
import { getMeasureHistory } from '../../src/lib/server/domain/measures/history';
import { loadPlanData } from '../../src/lib/server/opendata/load';
import { findDataset } from '../../src/lib/server/opendata/datasets';
import { datasetCsv } from '../../src/lib/server/opendata/formats';
import { runJobOnce } from '../../src/lib/server/jobs';
import { ConflictError, ForbiddenError, RuleError } from '../../src/lib/server/domain/errors';
import { addIndicatorFeedForm } from '../../src/lib/server/validation/indicator-feed';
import { parseForm } from '../../src/lib/server/forms/form';
import { todayIso } from '../../src/lib/domain/dates';
import type { Actor } from '../../src/lib/server/policies';
import type { Db } from '../../src/lib/server/db';

let database: TestDatabase;
let db: Db;
let target: HttpTarget;
let fetchBody: FetchFeedBody;
let editor: Actor;
let outsider: Actor;
let measureId: string;
let csvIndicatorId: string;
let jsonIndicatorId: string;
let planId: string;
let planSlug: string;
let measureNumber: string;

/** What the local server answers, by path; tests change it between fetches. */
const files = new Map<string, { type: string; body: string | Buffer } | { status: number }>();

const frenchCsv = (latest: string) => '\uFEFFdate;territoire;valeur\r\n31/12/2025;France;1 234,5\r\n31/03/2026;France;' + latest + '\r\n31/03/2026;Corse;12,5\r\n';

const csvFeed = (url: string): FeedFields => ({
	url,
	format: 'CSV',
	valuePath: 'valeur',
	filterColumn: 'territoire',
	filterValue: 'France',
	datePath: 'date',
	schedule: 'DAILY'
});

beforeAll(async () => {
	database = await freshDatabase();
	db = database.prisma;
	target = await startHttpTarget();
	target.routes.push((req: http.IncomingMessage, res: http.ServerResponse) => {
		const path = new URL(req.url ?? '/', target.origin).pathname;
		const file = files.get(path);
		if (!file) return false;
		if ('status' in file) {
			res.writeHead(file.status, { 'Content-Type': 'text/plain' });
			res.end('not here');
		} else {
			res.writeHead(200, { 'Content-Type': file.type });
			res.end(file.body);
		}
		return true;
	});
	fetchBody = feedFetcher(createOutbound({ timeoutMs: ANSWER_TIMEOUT_MS, allowHosts: ['127.0.0.1'], hostPauseMs: 0 }));
	const { plan, team, measures } = await smallPlan(db, { axes: 1, measures: 1 });
	planId = plan.id;
	planSlug = plan.slug;
	measureNumber = measures[0]!.number;
	measureId = measures[0]!.id;
	const row = await user(db, { roles: ['EDITOR'], teamIds: [team.id] });
	editor = { id: row.id, displayName: row.displayName, roles: ['EDITOR'], teamIds: [team.id] };
	outsider = { id: 'outsider', displayName: 'Autre équipe', roles: ['EDITOR'], teamIds: ['another-team'] };
	const indicator = (name: string, position: number) => db.indicator.create({ data: { measureId, name, unit: 'projets', baseline: 0, position } });
	csvIndicatorId = (await indicator('Projets recensés', 0)).id;
	jsonIndicatorId = (await indicator('Contributeurs', 1)).id;
});
afterAll(async () => {
	await target?.close();
	await database?.close();
});

const feedOf = (indicatorId: string) => db.indicatorFeed.findUniqueOrThrow({ where: { indicatorId } });
const valuesOf = (indicatorId: string) => db.indicatorValue.findMany({ where: { indicatorId }, orderBy: [{ date: 'asc' }, { createdAt: 'asc' }] });

describe('configuring a feed', () => {
	it('the form reads a CSV feed with a filter, and empty fields as nothing', () => {
		const form = new FormData();
		for (const [k, v] of Object.entries({
			indicatorId: 'x',
			url: 'https://www.data.gouv.fr/f.csv',
			format: 'CSV',
			valuePath: 'valeur',
			filterColumn: '',
			filterValue: '',
			datePath: '',
			schedule: 'WEEKLY'
		}))
			form.set(k, v);
		const parsed = parseForm(addIndicatorFeedForm, form, 'fr');
		expect(parsed).toMatchObject({ ok: true, data: { format: 'CSV', filterColumn: null, datePath: null, schedule: 'WEEKLY' } });
		form.set('format', 'XML');
		expect(parseForm(addIndicatorFeedForm, form, 'fr')).toMatchObject({ ok: false, errors: { format: expect.any(String) } });
	});

	it('refuses anyone who may not edit the measure, with nothing written', async () => {
		await expect(addIndicatorFeed(db, outsider, { measureId, indicatorId: csvIndicatorId, ...csvFeed(`${target.origin}/a.csv`) })).rejects.toBeInstanceOf(ForbiddenError);
		await expect(addIndicatorFeed(db, null, { measureId, indicatorId: csvIndicatorId, ...csvFeed(`${target.origin}/a.csv`) })).rejects.toBeInstanceOf(ForbiddenError);
		await expect(listFeedsForEdit(db, outsider, measureId)).rejects.toBeInstanceOf(ForbiddenError);
		expect(await db.indicatorFeed.count()).toBe(0);
	});

	it('refuses a filter without its value, a filter on JSON, a JSON location that is not a pointer', async () => {
		const base = { measureId, indicatorId: jsonIndicatorId };
		await expect(addIndicatorFeed(db, editor, { ...base, ...csvFeed('https://x.example/a.csv'), filterValue: null })).rejects.toMatchObject(
			new RuleError('feeds.errors.filterWithoutValue', 'filterValue')
		);
		const json: FeedFields = { url: 'https://x.example/a.json', format: 'JSON', valuePath: 'total', filterColumn: null, filterValue: null, datePath: null, schedule: 'DAILY' };
		await expect(addIndicatorFeed(db, editor, { ...base, ...json })).rejects.toMatchObject(new RuleError('feeds.errors.pointer', 'valuePath'));
		await expect(addIndicatorFeed(db, editor, { ...base, ...json, valuePath: '/total', datePath: 'date' })).rejects.toMatchObject(
			new RuleError('feeds.errors.pointer', 'datePath')
		);
		await expect(addIndicatorFeed(db, editor, { ...base, ...json, valuePath: '/total', filterColumn: 'a', filterValue: 'b' })).rejects.toMatchObject(
			new RuleError('feeds.errors.filterOnlyCsv', 'filterColumn')
		);
		expect(await db.indicatorFeed.count()).toBe(0);
	});

	it('an editor sets one up, audited; a second set-up and a stale edit are conflicts', async () => {
		await addIndicatorFeed(db, editor, { measureId, indicatorId: csvIndicatorId, ...csvFeed(`${target.origin}/old.csv`) });
		const event = await db.auditEvent.findFirstOrThrow({ where: { entityType: 'IndicatorFeed' } });
		expect(event).toMatchObject({ action: 'create', actorId: editor.id, measureId, planId, after: { url: `${target.origin}/old.csv`, valuePath: 'valeur' } });
		await expect(addIndicatorFeed(db, editor, { measureId, indicatorId: csvIndicatorId, ...csvFeed(`${target.origin}/b.csv`) })).rejects.toBeInstanceOf(ConflictError);
		expect(await updateIndicatorFeed(db, editor, { measureId, indicatorId: csvIndicatorId, version: 1, ...csvFeed(`${target.origin}/indicateur.csv`) })).toEqual({ changed: true });
		expect(await updateIndicatorFeed(db, editor, { measureId, indicatorId: csvIndicatorId, version: 2, ...csvFeed(`${target.origin}/indicateur.csv`) })).toEqual({
			changed: false
		});
		const stale = updateIndicatorFeed(db, editor, { measureId, indicatorId: csvIndicatorId, version: 1, ...csvFeed(`${target.origin}/c.csv`) });
		await expect(stale).rejects.toMatchObject({ current: { version: 2, url: `${target.origin}/indicateur.csv` } });
		expect(await db.auditEvent.count({ where: { entityType: 'IndicatorFeed' } })).toBe(2);
	});
});

describe('collecting', () => {
	it('reads a French CSV (;, decimal commas, BOM, dd/mm/yyyy, a filter) into an automatic, audited value', async () => {
		files.set('/indicateur.csv', { type: 'text/csv; charset=utf-8', body: frenchCsv('1\u00a0300,25') });
		const feed = await feedOf(csvIndicatorId);
		expect(await collectFeed(db, feed.id, fetchBody)).toBe('added');
		const values = await valuesOf(csvIndicatorId);
		expect(values).toHaveLength(1);
		expect(values[0]).toMatchObject({ value: 1300.25, automatic: true, sourceUrl: `${target.origin}/indicateur.csv`, datePrecision: 'DAY' });
		expect(values[0]!.date.toISOString().slice(0, 10)).toBe('2026-03-31');
		const event = await db.auditEvent.findFirstOrThrow({ where: { entityType: 'IndicatorValue', entityId: values[0]!.id } });
		expect(event).toMatchObject({ actorId: null, actorLabel: 'collecte automatique', action: 'create', measureId, after: { value: 1300.25, date: '2026-03-31', automatic: true } });
		expect(await feedOf(csvIndicatorId)).toMatchObject({ consecutiveFailures: 0, lastError: null, lastSuccessAt: expect.any(Date) });
		// Shown to editors like the other values, marked automatic.
		const [edit] = await listIndicatorsForEdit(db, editor, measureId);
		expect(edit!.values[0]).toMatchObject({ value: 1300.25, automatic: true });
	});

	it('the public page shows the value marked automatic, and its history names the collection, not a person', async () => {
		const detail = await getMeasureDetail(db, planSlug, measureNumber);
		const indicator = detail!.indicators.find((i) => i.id === csvIndicatorId)!;
		expect(indicator.values).toEqual([expect.objectContaining({ value: 1300.25, automatic: true, sourceUrl: `${target.origin}/indicateur.csv` })]);
		// Nothing of the feed itself (address settings, errors) is part of the public view.
		expect(JSON.stringify(detail)).not.toMatch(/lastError|consecutiveFailures|valuePath/);
		const history = await getMeasureHistory(db, null, planSlug, measureNumber);
		const entry = history!.entries.find((e) => e.kind === 'valueAdded');
		expect(entry).toMatchObject({ subject: 'Projets recensés', actor: { role: 'FEED', team: null, name: null } });
		// The open-data file of values says which ones were collected.
		const csv = datasetCsv(findDataset('valeurs-indicateurs')!, (await loadPlanData(db, planSlug, 'http://localhost'))!);
		expect(csv.split('\r\n')[0]).toMatch(/,automatique$/);
		expect(csv).toMatch(/,1300\.25,.*,true\r\n/);
		// The feed's own configuration events are internal.
		expect(history!.entries.some((e) => JSON.stringify(e).includes('old.csv'))).toBe(false);
	});

	it('adds nothing when the value and its date did not change, and a new value when they did', async () => {
		const feed = await feedOf(csvIndicatorId);
		expect(await collectFeed(db, feed.id, fetchBody)).toBe('unchanged');
		expect(await valuesOf(csvIndicatorId)).toHaveLength(1);
		files.set('/indicateur.csv', { type: 'text/csv', body: frenchCsv('1 310,5') });
		expect(await collectFeed(db, feed.id, fetchBody)).toBe('added');
		expect((await valuesOf(csvIndicatorId)).map((v) => v.value)).toEqual([1300.25, 1310.5]);
	});

	it('reads JSON through a pointer, dated the day of the fetch when the file has no date, without a duplicate the next day', async () => {
		files.set('/api/stats.json', { type: 'application/json', body: JSON.stringify({ data: { contributeurs: { total: 412 } } }) });
		const json: FeedFields = {
			url: `${target.origin}/api/stats.json`,
			format: 'JSON',
			valuePath: '/data/contributeurs/total',
			filterColumn: null,
			filterValue: null,
			datePath: null,
			schedule: 'WEEKLY'
		};
		await addIndicatorFeed(db, editor, { measureId, indicatorId: jsonIndicatorId, ...json });
		const feed = await feedOf(jsonIndicatorId);
		const now = new Date();
		expect(await collectFeed(db, feed.id, fetchBody, now)).toBe('added');
		const [value] = await valuesOf(jsonIndicatorId);
		expect(value).toMatchObject({ value: 412, automatic: true });
		expect(value!.date.toISOString().slice(0, 10)).toBe(todayIso(now));
		expect(await collectFeed(db, feed.id, fetchBody, new Date(now.getTime() + 24 * 3_600_000))).toBe('unchanged');
		expect(await valuesOf(jsonIndicatorId)).toHaveLength(1);
	});

	it('a changed format (the column is gone) stores no value and records the error, not yet shown', async () => {
		files.set('/indicateur.csv', { type: 'text/csv', body: 'date;territoire;nombre\r\n30/06/2026;France;1 400\r\n' });
		const feed = await feedOf(csvIndicatorId);
		const before = await db.auditEvent.count();
		expect(await collectFeed(db, feed.id, fetchBody)).toBe('failed');
		expect(await valuesOf(csvIndicatorId)).toHaveLength(2);
		expect(await db.auditEvent.count()).toBe(before);
		expect(await feedOf(csvIndicatorId)).toMatchObject({ lastError: 'column-missing', lastErrorDetail: 'valeur', consecutiveFailures: 1, lastFetchAt: expect.any(Date) });
		expect((await listFeedsForEdit(db, editor, measureId)).get(csvIndicatorId)).toMatchObject({ failing: false, consecutiveFailures: 1 });
	});

	it('a 404 is a second failure in a row: the measure’s editors now see it', async () => {
		files.set('/indicateur.csv', { status: 404 });
		const feed = await feedOf(csvIndicatorId);
		expect(await collectFeed(db, feed.id, fetchBody)).toBe('failed');
		expect(await valuesOf(csvIndicatorId)).toHaveLength(2);
		const view = (await listFeedsForEdit(db, editor, measureId)).get(csvIndicatorId);
		expect(view).toMatchObject({ failing: true, consecutiveFailures: 2, lastError: 'http', lastErrorDetail: 'HTTP 404', lastSuccessAt: expect.any(String) });
	});

	it('a server that does not answer in time is a timeout, stored as such', async () => {
		await db.indicatorFeed.update({ where: { indicatorId: csvIndicatorId }, data: { url: `${target.origin}/never` } });
		const feed = await feedOf(csvIndicatorId);
		const started = Date.now();
		expect(await collectFeed(db, feed.id, fetchBody)).toBe('failed');
		expect(Date.now() - started).toBeLessThan(5_000);
		expect(await feedOf(csvIndicatorId)).toMatchObject({ lastError: 'timeout', consecutiveFailures: 3 });
		expect(await valuesOf(csvIndicatorId)).toHaveLength(2);
	});

	it('an unparseable answer fails too; a success then clears the error', async () => {
		files.set('/api/stats.json', { type: 'text/html', body: '<html>maintenance</html>' });
		const feed = await feedOf(jsonIndicatorId);
		expect(await collectFeed(db, feed.id, fetchBody)).toBe('failed');
		expect(await feedOf(jsonIndicatorId)).toMatchObject({ lastError: 'unparseable', consecutiveFailures: 1 });
		files.set('/api/stats.json', { type: 'application/json', body: JSON.stringify({ data: { contributeurs: { total: '1 024' } } }) });
		expect(await collectFeed(db, feed.id, fetchBody)).toBe('added');
		expect(await feedOf(jsonIndicatorId)).toMatchObject({ lastError: null, lastErrorDetail: null, consecutiveFailures: 0 });
	});

	it('reads a CSV saved as Windows-1252 by a spreadsheet (accented column names)', async () => {
		files.set('/tableur.csv', { type: 'text/csv', body: Buffer.from('ann\xe9e;nombre de r\xe9utilisations\r\n2025;1 234,5\r\n', 'latin1') });
		const body = await fetchBody(`${target.origin}/tableur.csv`);
		expect(body).toEqual({ ok: true, body: 'année;nombre de réutilisations\r\n2025;1 234,5\r\n' });
	});

	it('a fetcher that throws counts as a network failure of that feed', async () => {
		const feed = await feedOf(jsonIndicatorId);
		expect(await collectFeed(db, feed.id, () => Promise.reject(new Error('socket hang up')))).toBe('failed');
		expect(await feedOf(jsonIndicatorId)).toMatchObject({ lastError: 'network', lastErrorDetail: 'socket hang up', consecutiveFailures: 1 });
		// Back to a working fetch for the tests after this one.
		expect(await collectFeed(db, feed.id, fetchBody)).toBe('unchanged');
	});

	it('a private address is refused by the outbound rules when it is not allowed', async () => {
		const strict = feedFetcher(createOutbound({ timeoutMs: ANSWER_TIMEOUT_MS, allowHosts: [], hostPauseMs: 0 }));
		expect(await strict(`${target.origin}/api/stats.json`)).toMatchObject({ ok: false, error: 'blocked' });
	});

	it('an edit of the address starts afresh: past failures are forgotten, the feed is due', async () => {
		const feed = await feedOf(csvIndicatorId);
		files.set('/v2/indicateur.csv', { type: 'text/csv', body: frenchCsv('1 500') });
		await updateIndicatorFeed(db, editor, { measureId, indicatorId: csvIndicatorId, version: feed.version, ...csvFeed(`${target.origin}/v2/indicateur.csv`) });
		expect(await feedOf(csvIndicatorId)).toMatchObject({ consecutiveFailures: 0, lastError: null, lastFetchAt: null });
	});
});

describe('the job', () => {
	it('collects only the feeds due by their schedule, exclusively', async () => {
		const now = new Date();
		// The CSV feed was just reconfigured (never fetched): due. The JSON one (weekly) was fetched just now: not due.
		expect(await dueFeedIds(db, now)).toEqual([(await feedOf(csvIndicatorId)).id]);
		const outcome = await runJobOnce(database, indicatorFeedsJob(fetchBody));
		expect(outcome).toMatchObject({ ran: true, result: { feeds: 1, added: 1, failed: 0 } });
		expect((await valuesOf(csvIndicatorId)).at(-1)).toMatchObject({ value: 1500, automatic: true });
		expect(await dueFeedIds(db, now)).toEqual([]);
		// A week later both are due; a day later only the daily one.
		expect(await dueFeedIds(db, new Date(now.getTime() + 24 * 3_600_000))).toHaveLength(1);
		expect(await dueFeedIds(db, new Date(now.getTime() + 7 * 24 * 3_600_000))).toHaveLength(2);
	});

	it('leaves an archived plan alone', async () => {
		await db.plan.update({ where: { id: planId }, data: { status: 'ARCHIVED', archivedOn: new Date() } });
		const later = new Date(Date.now() + 8 * 24 * 3_600_000);
		expect(await dueFeedIds(db, later)).toEqual([]);
		expect(await collectDueFeeds(db, fetchBody, later)).toMatchObject({ feeds: 0 });
		expect(await collectFeed(db, (await feedOf(csvIndicatorId)).id, fetchBody, later)).toBe('skipped');
		await db.plan.update({ where: { id: planId }, data: { status: 'ACTIVE', archivedOn: null } });
	});

	it('stopping a feed keeps the values it collected', async () => {
		const feed = await feedOf(jsonIndicatorId);
		await removeIndicatorFeed(db, editor, { measureId, indicatorId: jsonIndicatorId, version: feed.version });
		expect(await db.indicatorFeed.findUnique({ where: { indicatorId: jsonIndicatorId } })).toBeNull();
		expect(await valuesOf(jsonIndicatorId)).toHaveLength(2);
		expect(await db.auditEvent.findFirst({ where: { entityType: 'IndicatorFeed', action: 'delete' } })).toMatchObject({ actorId: editor.id });
	});
});
