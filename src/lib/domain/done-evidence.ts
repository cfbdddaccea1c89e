// "Done needs evidence": which proofs let a measure be closed (« Réalisée » or « Abandonnée »), as
// one pure decision shared by the write path (inside its transaction), the editing forms (which
// show the proofs that count) and the confirmation before an evidence link is removed.
// A proof is an evidence link, or a published progress update that cites at least one source.
import type { DatePrecision } from './dates';

/** Statuses that close a measure: reaching one needs a proof. */
const CLOSING_STATUSES = ['DONE', 'ABANDONED'] as const;
export type ClosingStatus = (typeof CLOSING_STATUSES)[number];

export const isClosing = (status: string | null): status is ClosingStatus => (CLOSING_STATUSES as readonly (string | null)[]).includes(status);

interface EvidenceLinkFact {
	id: string;
	title: string;
	url: string;
}

interface UpdateFact {
	id: string;
	/** The update's date: first day of its period (YYYY-MM-DD) and precision. */
	date: string;
	precision: DatePrecision;
	published: boolean;
	sourceUrls: string[];
}

export interface ProofFacts {
	links: EvidenceLinkFact[];
	updates: UpdateFact[];
}

/** One proof that counts; an update is linked through its first source. */
export type Proof = { kind: 'link'; id: string; title: string; url: string } | { kind: 'update'; id: string; date: string; precision: DatePrecision; url: string };

export interface DoneEvidence {
	/** Links first (in the order given), then sourced published updates, newest first. */
	proofs: Proof[];
	/** True when the measure may be (or stay) « Réalisée » or « Abandonnée ». */
	allowed: boolean;
}

export function doneEvidence(facts: ProofFacts): DoneEvidence {
	const links: Proof[] = facts.links.map((l) => ({ kind: 'link', id: l.id, title: l.title, url: l.url }));
	// A draft is not public and an update without a source proves nothing to a reader.
	const updates: Proof[] = facts.updates
		.filter((u) => u.published && u.sourceUrls.length > 0)
		.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))
		.map((u) => ({ kind: 'update', id: u.id, date: u.date, precision: u.precision, url: u.sourceUrls[0]! }));
	const proofs = [...links, ...updates];
	return { proofs, allowed: proofs.length > 0 };
}

/** A status change is refused when it closes the measure without a proof; keeping a status never is. */
export function refusesStatus(from: string | null, to: string | null, evidence: DoneEvidence): boolean {
	return to !== from && isClosing(to) && !evidence.allowed;
}

export interface LinkRemoval {
	/** The proofs left once the link is removed. */
	remaining: Proof[];
	/** Refused: the link is the last proof of a closed measure (the rule would no longer hold). */
	refused: boolean;
	/** Allowed, but the measure could no longer be closed afterwards (a warning for the editor). */
	leavesNone: boolean;
}

/**
 * Removing an evidence link. A closed measure keeps at least one proof: removing its last one is
 * refused rather than warned about, so that « Réalisée » always shows what proves it; the editor
 * adds another proof first, or changes the status.
 */
export function linkRemoval(facts: ProofFacts, status: string | null, linkId: string): LinkRemoval {
	const { proofs } = doneEvidence({ ...facts, links: facts.links.filter((l) => l.id !== linkId) });
	const none = proofs.length === 0;
	return { remaining: proofs, refused: none && isClosing(status), leavesNone: none && !isClosing(status) };
}
