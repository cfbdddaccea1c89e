// The council's side of the reports (issue 10): the adoption status follows the electorate, the demo
// council account can walk the whole cycle on a fresh start, the council is told of submissions and
// publications, measures come in the plan's order, and a round cannot be created twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { freshDatabase, type TestDatabase } from '../helpers/database';
import { seededEditingDatabase, type Actors } from '../helpers/editing';
import { DEFAULT_PLAN_SLUG, seedDefaultPlan } from '../../src/lib/server/seed';
import { createRound, publishRound, setCouncilQuorum, submitRound, updateRound } from '../../src/lib/server/domain/reports/rounds';
import { castVote, createOpinion, decidePublication, respondToOpinion, setCouncilFlags } from '../../src/lib/server/domain/reports/opinions';
import { getRound } from '../../src/lib/server/domain/reports/view';
import { roundCsv, roundJson } from '../../src/lib/server/domain/reports/export';
import { setUserDisabled } from '../../src/lib/server/domain/users/users';
import { listNotifications, unreadCount } from '../../src/lib/server/domain/notifications/notifications';
import { sendDailyDigests } from '../../src/lib/server/domain/notifications/digest';
import { DEMO_ACCOUNTS, ensureDemoAccounts } from '../../src/lib/server/auth/demo-accounts';
import { ACTOR_SELECT, actorFromUser } from '../../src/lib/server/auth/actor';
import { mailSettings } from '../../src/lib/server/mail';
import { RuleError } from '../../src/lib/server/domain/errors';
import type { Db } from '../../src/lib/server/db';
import type { Actor } from '../../src/lib/server/policies';

const sections = { utiliser: 'Utiliser', publier: '', accompagner: '', attractivite: '', vieInterne: '' };
let period = 0;
/** A new round each time: its own quarter, so that the rounds of the tests never collide. */
function nextFields(title = 'Rapport') {
	period += 1;
	const year = 2030 + period;
	return { title, periodStart: `${year}-01-01`, periodEnd: `${year}-03-31`, sections, planSlug: DEFAULT_PLAN_SLUG };
}

describe('council and reports', () => {
	let database: TestDatabase;
	let db: Db;
	let actors: Actors;
	let n = 0;

	async function council(flags: { councilEcosystem?: boolean; councilSecretariat?: boolean } = {}): Promise<Actor> {
		n += 1;
		const id = `council-${n}`;
		await db.user.create({ data: { id, email: `${id}@example.test`, displayName: `Membre ${n}`, roles: ['COUNCIL'], ...flags } });
		return { id, displayName: `Membre ${n}`, roles: ['COUNCIL'], teamIds: [] };
	}

	/** A round submitted to the council, with one opinion on it. */
	async function opinionOnSubmittedRound(author: Actor) {
		const { id: roundId } = await createRound(db, actors.admin, nextFields());
		await submitRound(db, actors.admin, { roundId, version: 1 });
		const { id } = await createOpinion(db, author, { roundId, title: 'Avis', text: 'Texte', date: '2031-04-01' });
		return { roundId, opinionId: id };
	}

	const state = async (opinionId: string) => (await db.opinion.findUniqueOrThrow({ where: { id: opinionId } })).adoptedAt !== null;

	beforeAll(async () => {
		({ database, db, actors } = await seededEditingDatabase());
		await db.user.create({ data: { id: actors.admin.id, email: 'admin@example.test', displayName: actors.admin.displayName, roles: ['ADMIN'] } });
		await db.user.create({ data: { id: actors.label.id, email: 'label@example.test', displayName: actors.label.displayName, roles: ['EDITOR'] } });
	});
	afterAll(async () => {
		await database?.close();
	});

	describe('the adoption status follows the electorate (issue 10, item 2)', () => {
		it('flagging the voter as "écosystème" adopts the opinion at once, with an audit event', async () => {
			// Start from an electorate of nobody but `absent`, who does not vote.
			await db.user.updateMany({ data: { councilEcosystem: false } });
			const absent = await council({ councilEcosystem: true });
			const voter = await council();
			const { opinionId } = await opinionOnSubmittedRound(voter);
			const vote = await castVote(db, voter, { opinionId, choice: 'FOR' });
			expect(vote.adopted).toBe(false);
			expect(await state(opinionId)).toBe(false);

			// Two members in the electorate: default quorum 1, the recorded vote "for" now counts.
			await setCouncilFlags(db, actors.admin, voter.id, { councilEcosystem: true, councilSecretariat: false });
			expect(await state(opinionId)).toBe(true);
			const event = await db.auditEvent.findFirstOrThrow({ where: { entityType: 'Opinion', entityId: opinionId, reason: 'adopted' } });
			expect(event).toMatchObject({ actorId: actors.admin.id, action: 'update' });
			expect(event.after).toMatchObject({ state: 'ADOPTED', for: 1, quorum: 1, cause: 'electorate' });
			const view = await getRound(db, absent, DEFAULT_PLAN_SLUG, (await db.opinion.findUniqueOrThrow({ where: { id: opinionId } })).roundId);
			expect(view!.opinions[0]).toMatchObject({ state: 'ADOPTED', tally: { adopted: true } });
		});

		it('disabling a member who did not vote lowers the default quorum and adopts', async () => {
			await db.user.updateMany({ data: { councilEcosystem: false } });
			const voter = await council({ councilEcosystem: true });
			const others = [await council({ councilEcosystem: true }), await council({ councilEcosystem: true })];
			const { opinionId } = await opinionOnSubmittedRound(voter);
			// Three members: quorum 2, one vote cast.
			expect((await castVote(db, voter, { opinionId, choice: 'FOR' })).adopted).toBe(false);
			await setUserDisabled(db, actors.admin, others[0]!.id, true);
			// Two members: quorum 1.
			expect(await state(opinionId)).toBe(true);
		});

		it('lowering the plan quorum adopts an opinion that now reaches it', async () => {
			await db.user.updateMany({ data: { councilEcosystem: false } });
			const voter = await council({ councilEcosystem: true });
			await council({ councilEcosystem: true });
			const { opinionId } = await opinionOnSubmittedRound(voter);
			const plan = await db.plan.findUniqueOrThrow({ where: { slug: DEFAULT_PLAN_SLUG } });
			await setCouncilQuorum(db, actors.admin, { planSlug: DEFAULT_PLAN_SLUG, version: plan.version, quorum: 2 });
			expect((await castVote(db, voter, { opinionId, choice: 'FOR' })).adopted).toBe(false);
			await setCouncilQuorum(db, actors.admin, { planSlug: DEFAULT_PLAN_SLUG, version: plan.version + 1, quorum: null });
			expect(await state(opinionId)).toBe(true);
		});

		it('an opinion voted against is not adopted by an electorate change', async () => {
			await db.user.updateMany({ data: { councilEcosystem: false } });
			await council({ councilEcosystem: true });
			const voter = await council();
			const { opinionId } = await opinionOnSubmittedRound(voter);
			await castVote(db, voter, { opinionId, choice: 'AGAINST' });
			await setCouncilFlags(db, actors.admin, voter.id, { councilEcosystem: true, councilSecretariat: false });
			expect(await state(opinionId)).toBe(false);
		});
	});

	describe('the council is told of submissions and publications (issue 10, item 5)', () => {
		it('every active council member but the actor gets a notification on submission and on publication', async () => {
			const members = [await council(), await council({ councilSecretariat: true })];
			const gone = await council();
			await setUserDisabled(db, actors.admin, gone.id, true);
			const fields = nextFields('Rapport notifié');
			const { id: roundId } = await createRound(db, actors.label, fields);
			const before = await Promise.all(members.map((m) => unreadCount(db, m)));
			await submitRound(db, actors.label, { roundId, version: 1 });
			for (const [i, member] of members.entries()) {
				expect(await unreadCount(db, member)).toBe(before[i]! + 1);
				const [latest] = await listNotifications(db, member);
				expect(latest).toMatchObject({ kind: 'REPORT_SUBMITTED', read: false, measure: null, round: { id: roundId, title: 'Rapport notifié', planSlug: DEFAULT_PLAN_SLUG } });
			}
			expect(await db.notification.count({ where: { roundId, userId: { in: [gone.id, actors.label.id] } } })).toBe(0);

			await publishRound(db, actors.admin, { roundId, version: 2 });
			const [latest] = await listNotifications(db, members[1]!);
			expect(latest).toMatchObject({ kind: 'REPORT_PUBLISHED', round: { id: roundId } });
			// The admin who published is not told of their own act.
			expect(await db.notification.count({ where: { roundId, userId: actors.admin.id } })).toBe(0);
		});

		it('the daily digest mails the report notifications with links to the round', async () => {
			const inbox: string[] = [];
			const server = new SMTPServer({
				authOptional: true,
				disabledCommands: ['STARTTLS'],
				logger: false,
				onData(stream, _session, callback) {
					const chunks: Buffer[] = [];
					stream.on('data', (chunk: Buffer) => chunks.push(chunk));
					stream.on('end', () => {
						inbox.push(
							Buffer.concat(chunks)
								.toString('utf8')
								.replace(/=\r?\n/g, '')
								.replace(/\r\n/g, '\n')
						);
						callback();
					});
				}
			});
			await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
			try {
				const port = (server.server.address() as AddressInfo).port;
				await db.notification.updateMany({ data: { mailedAt: new Date() } });
				const member = await council();
				const { id: roundId } = await createRound(db, actors.label, nextFields('Rapport du résumé'));
				await submitRound(db, actors.label, { roundId, version: 1 });
				const settings = mailSettings({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'Jalons <jalons@example.gouv.fr>' });
				const result = await sendDailyDigests(db, new Date(Date.now() + 1000), settings, 'https://jalons.example.gouv.fr');
				expect(result.failed).toBe(0);
				const mail = inbox.find((m) => m.includes(`${member.id}@example.test`));
				expect(mail).toBeDefined();
				expect(mail).toContain(`https://jalons.example.gouv.fr/plans/${DEFAULT_PLAN_SLUG}/rapports/travail/${roundId}`);
			} finally {
				await new Promise<void>((resolve) => server.close(() => resolve()));
			}
		});
	});

	describe("measures in the plan's order (issue 10, item 6)", () => {
		it('the draft, the frozen round, its CSV and its JSON list measures by axis, then by position', async () => {
			const measures = await db.measure.findMany({ where: { plan: { slug: DEFAULT_PLAN_SLUG } }, select: { number: true, position: true, axis: { select: { position: true } } } });
			const expected = measures.sort((a, b) => a.axis.position - b.axis.position || a.position - b.position).map((m) => m.number);
			// The seeded plan numbers measures within their axis: plan order differs from position order.
			expect(expected.slice(0, 2)).toEqual(['1.1', '1.2']);
			const { id: roundId } = await createRound(db, actors.admin, nextFields('Rapport ordonné'));
			const draft = await getRound(db, actors.admin, DEFAULT_PLAN_SLUG, roundId);
			expect(draft!.entries.map((e) => e.number)).toEqual(expected);
			await submitRound(db, actors.admin, { roundId, version: 1 });
			await publishRound(db, actors.admin, { roundId, version: 2 });
			const published = (await getRound(db, null, DEFAULT_PLAN_SLUG, roundId))!;
			expect(published.entries.map((e) => e.number)).toEqual(expected);
			const csvNumbers = [...roundCsv(published).matchAll(/^"?(\d+\.\d+)"?,/gm)].map((m) => m[1]);
			expect(csvNumbers).toEqual(expected);
			expect(JSON.parse(roundJson(published)).measures.map((m: { number: string }) => m.number)).toEqual(expected);
		});
	});

	describe('a round is created once (issue 10, item 8)', () => {
		it('the same title and period is refused with a localized rule error, and nothing is written', async () => {
			const fields = nextFields('Rapport unique');
			await createRound(db, actors.label, fields);
			const count = await db.reportRound.count();
			const audits = await db.auditEvent.count();
			const error = await createRound(db, actors.label, fields).catch((e: unknown) => e);
			expect(error).toBeInstanceOf(RuleError);
			expect(error).toMatchObject({ messageKey: 'reports.errors.duplicateRound', field: 'title' });
			expect(await db.reportRound.count()).toBe(count);
			expect(await db.auditEvent.count()).toBe(audits);
			// Another title for the same period, or the same title for another period, is a new round.
			await createRound(db, actors.label, { ...fields, title: 'Rapport unique bis' });
			await createRound(db, actors.label, { ...fields, periodEnd: fields.periodEnd.replace('-03-31', '-06-30') });
		});

		it('editing a draft into the title and period of another round is refused too', async () => {
			const fields = nextFields('Rapport A');
			await createRound(db, actors.label, fields);
			const { id } = await createRound(db, actors.label, { ...fields, title: 'Rapport B' });
			await expect(updateRound(db, actors.label, { ...fields, roundId: id, version: 1 })).rejects.toMatchObject({ messageKey: 'reports.errors.duplicateRound' });
			expect((await db.reportRound.findUniqueOrThrow({ where: { id } })).title).toBe('Rapport B');
		});

		it('the database refuses a duplicate that would bypass the check', async () => {
			const fields = nextFields('Rapport en base');
			const { id } = await createRound(db, actors.label, fields);
			const row = await db.reportRound.findUniqueOrThrow({ where: { id } });
			await expect(
				db.reportRound.create({ data: { planId: row.planId, title: row.title, periodStart: row.periodStart, periodEnd: row.periodEnd, sections } })
			).rejects.toMatchObject({ code: 'P2002' });
		});
	});
});

describe('the demo council account walks the whole council cycle on a fresh start (issue 10, item 3)', () => {
	let database: TestDatabase;
	let db: Db;
	beforeAll(async () => {
		database = await freshDatabase();
		db = database.prisma;
		await seedDefaultPlan(db);
		await ensureDemoAccounts(db);
	});
	afterAll(async () => {
		await database?.close();
	});

	const demo = async (email: string) => actorFromUser(await db.user.findUniqueOrThrow({ where: { email }, select: ACTOR_SELECT }));

	it('draft, vote, adoption, response, decision to publish: the opinion is public', async () => {
		const councilEmail = DEMO_ACCOUNTS.find((a) => a.roles.includes('COUNCIL'))!.email;
		const [admin, label, member] = [await demo('admin@jalons.example'), await demo('label@jalons.example'), await demo(councilEmail)];
		const { id: roundId } = await createRound(db, label, { ...nextFields('Rapport de démonstration') });
		await submitRound(db, label, { roundId, version: 1 });
		const { id: opinionId } = await createOpinion(db, member, { roundId, title: 'Avis de démonstration', text: 'Le conseil salue les progrès.', date: '2031-04-01' });
		const vote = await castVote(db, member, { opinionId, choice: 'FOR' });
		expect(vote).toMatchObject({ adopted: true, tally: { quorum: 1, for: 1 } });
		await respondToOpinion(db, admin, { opinionId, version: 2, response: 'La DINUM prend acte.' });
		await decidePublication(db, member, { opinionId, version: 3, publish: true });
		await publishRound(db, admin, { roundId, version: 2 });
		const view = await getRound(db, null, DEFAULT_PLAN_SLUG, roundId);
		expect(view!.opinions.map((o) => [o.title, o.state])).toEqual([['Avis de démonstration', 'PUBLISHED']]);
		// The council member was told of the submission and of the publication.
		expect((await listNotifications(db, member)).map((x) => x.kind)).toEqual(['REPORT_PUBLISHED', 'REPORT_SUBMITTED']);
	});
});
