// A public write held open between its insert and its commit, so that a test can read from another
// connection meanwhile: the race the content version must win (a version that moved at insert would
// let a page or model built from the old rows be kept under the new version).
import type { Db } from '../../src/lib/server/db';
import { recordAudit, SEED_ACTOR } from '../../src/lib/server/audit';

export interface HeldWrite {
	/** Resolves once the rename and its audit event are inserted, not committed. */
	inserted: Promise<void>;
	/** Lets the transaction commit; `done` resolves when it has. */
	release(): void;
	done: Promise<unknown>;
}

/** Renames a measure (audited as a public change) in a transaction that waits for release(). */
export function heldRename(db: Db, measure: { id: string; planId: string; title: string }, title: string): HeldWrite {
	let inserted: () => void = () => {};
	let release: () => void = () => {};
	const insertedYet = new Promise<void>((resolve) => (inserted = resolve));
	const gate = new Promise<void>((resolve) => (release = resolve));
	const done = db.$transaction(
		async (tx) => {
			await tx.measure.update({ where: { id: measure.id }, data: { title } });
			await recordAudit(tx, SEED_ACTOR, {
				action: 'update',
				entityType: 'Measure',
				entityId: measure.id,
				planId: measure.planId,
				measureId: measure.id,
				before: { title: measure.title },
				after: { title }
			});
			inserted();
			await gate;
		},
		{ timeout: 60_000 }
	);
	return { inserted: insertedYet, release, done };
}
