// The seven open datasets. Each column is defined once (name, type, constraints, value); the CSV, the
// JSON and the Table Schema are all derived from these definitions, so they cannot disagree. The
// descriptions live in the i18n catalogue, whose keys the column names are type-checked against.
import { DATE_PRECISIONS, type PreciseDate } from '../../domain/dates';
import { Confidence, EvidenceKind, IndicatorDirection, MeasureStatus, ProgressMethod, SuccessionKind } from '../db/generated/enums';
import type { OpendataMessages } from '../../i18n/opendata';
import { messages } from '../../i18n';
import type { PlanData } from './load';

type DatasetName = 'mesures' | 'jalons' | 'preuves' | 'indicateurs' | 'valeurs-indicateurs' | 'mises-a-jour' | 'successions';
type FieldName<N extends DatasetName> = keyof OpendataMessages['datasets'][N]['fields'] & string;

export type FieldType = 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'datetime' | 'array';
/** null is a missing value (an empty CSV cell); arrays hold strings only. */
export type FieldValue = string | number | boolean | null | string[];

interface ColumnSpec<R> {
	type: FieldType;
	value: (row: R) => FieldValue;
	required?: boolean;
	unique?: boolean;
	enum?: readonly string[];
	format?: 'uri';
}

interface Field {
	name: string;
	type: FieldType;
	required: boolean;
	unique: boolean;
	enum: readonly string[] | null;
	format: 'uri' | null;
}

interface ForeignKey {
	fields: string;
	reference: { resource: DatasetName; fields: string };
}

export interface Dataset {
	name: DatasetName;
	fields: Field[];
	primaryKey: string[];
	foreignKeys: ForeignKey[];
	/** Which rows of the plan the dataset is made of (what a batch of it must load). */
	source: RowSource;
	/** One array per row, values in the order of `fields`. */
	records(data: PlanData): FieldValue[][];
}

/** Column shorthands, typed by the dataset's row so that getters need no annotations. */
function helpers<R>() {
	return {
		id: (value: (row: R) => string): ColumnSpec<R> => ({ type: 'string', required: true, unique: true, value }),
		text: (value: (row: R) => string | null, required = false): ColumnSpec<R> => ({ type: 'string', value, required }),
		date: (value: (row: R) => string | null, required = false): ColumnSpec<R> => ({ type: 'date', value, required }),
		precision: (value: (row: R) => string | null, required = false): ColumnSpec<R> => ({ type: 'string', value, required, enum: DATE_PRECISIONS })
	};
}
type Helpers<R> = ReturnType<typeof helpers<R>>;

export type RowSource = 'measures' | 'milestones' | 'evidence' | 'indicators' | 'values' | 'updates' | 'successions';

type Row<S extends RowSource> = PlanData[S][number];

function define<N extends DatasetName, S extends RowSource>(
	name: N,
	spec: {
		rows: S;
		columns: (c: Helpers<Row<S>>) => { [K in FieldName<N>]: ColumnSpec<Row<S>> };
		foreignKeys?: { field: FieldName<N>; resource: DatasetName }[];
	}
): Dataset {
	const columns = Object.entries<ColumnSpec<Row<S>>>(spec.columns(helpers()));
	return {
		name,
		fields: columns.map(([field, c]) => ({
			name: field,
			type: c.type,
			required: c.required ?? false,
			unique: c.unique ?? false,
			enum: c.enum ?? null,
			format: c.format ?? null
		})),
		primaryKey: ['id'],
		foreignKeys: (spec.foreignKeys ?? []).map((fk) => ({ fields: fk.field, reference: { resource: fk.resource, fields: 'id' } })),
		source: spec.rows,
		records: (data) => (data[spec.rows] as Row<S>[]).map((row) => columns.map(([, c]) => c.value(row)))
	};
}

const startOf = (d: PreciseDate | null) => d?.start ?? null;
const statusLabels = messages('fr').status;

const measures = define('mesures', {
	rows: 'measures',
	columns: (c) => ({
		id: c.id((m) => m.id),
		numero: c.id((m) => m.number),
		axe_numero: { type: 'integer', required: true, value: (m) => m.axisNumber },
		axe_titre: c.text((m) => m.axisTitle, true),
		titre: c.text((m) => m.title, true),
		description: c.text((m) => m.description, true),
		sous_actions: { type: 'array', value: (m) => m.subActions },
		porteur_code: c.text((m) => m.leadOwnerCode, true),
		porteur_nom: c.text((m) => m.leadOwnerName, true),
		contributeurs: { type: 'array', value: (m) => m.contributorCodes },
		statut: { type: 'string', enum: Object.values(MeasureStatus), value: (m) => m.status },
		statut_libelle: c.text((m) => statusLabels[m.status ?? 'NOT_REPORTED'], true),
		statut_date: c.date((m) => m.statusAsOf),
		avancement_methode: { type: 'string', required: true, enum: Object.values(ProgressMethod), value: (m) => m.progressMethod },
		avancement: { type: 'number', value: (m) => m.progress },
		avancement_date: c.date((m) => m.progressAsOf),
		confiance: { type: 'string', enum: Object.values(Confidence), value: (m) => m.confidence },
		confiance_explication: c.text((m) => m.confidenceExplanation),
		confiance_date: c.date((m) => m.confidenceAsOf),
		debut_prevu: c.date((m) => startOf(m.plannedStart)),
		debut_prevu_precision: c.precision((m) => m.plannedStart?.precision ?? null),
		fin_prevue: c.date((m) => startOf(m.plannedEnd)),
		fin_prevue_precision: c.precision((m) => m.plannedEnd?.precision ?? null),
		en_retard: { type: 'boolean', required: true, value: (m) => m.late },
		retiree_le: c.date((m) => m.retiredOn),
		retrait_raison: c.text((m) => m.retirementReason),
		url: { type: 'string', format: 'uri', required: true, value: (m) => m.url }
	})
});

const milestones = define('jalons', {
	rows: 'milestones',
	columns: (c) => ({
		id: c.id((m) => m.id),
		mesure_id: c.text((m) => m.measureId, true),
		mesure_numero: c.text((m) => m.measureNumber, true),
		position: { type: 'integer', required: true, value: (m) => m.position },
		titre: c.text((m) => m.title, true),
		description: c.text((m) => m.description),
		date_prevue: c.date((m) => startOf(m.planned)),
		date_prevue_precision: c.precision((m) => m.planned?.precision ?? null),
		date_prevision: c.date((m) => m.forecast),
		realise_le: c.date((m) => m.doneOn),
		poids: { type: 'integer', required: true, value: (m) => m.weight },
		en_retard: { type: 'boolean', required: true, value: (m) => m.late },
		replanifications: { type: 'integer', required: true, value: (m) => m.replanCount }
	}),
	foreignKeys: [{ field: 'mesure_id', resource: 'mesures' }]
});

const evidence = define('preuves', {
	rows: 'evidence',
	columns: (c) => ({
		id: c.id((e) => e.id),
		mesure_id: c.text((e) => e.measureId, true),
		mesure_numero: c.text((e) => e.measureNumber, true),
		jalon_id: c.text((e) => e.milestoneId),
		titre: c.text((e) => e.title, true),
		url: { type: 'string', format: 'uri', required: true, value: (e) => e.url },
		type: { type: 'string', required: true, enum: Object.values(EvidenceKind), value: (e) => e.kind },
		date: c.date((e) => e.date),
		date_precision: c.precision((e) => e.datePrecision)
	}),
	foreignKeys: [
		{ field: 'mesure_id', resource: 'mesures' },
		{ field: 'jalon_id', resource: 'jalons' }
	]
});

const indicators = define('indicateurs', {
	rows: 'indicators',
	columns: (c) => ({
		id: c.id((i) => i.id),
		mesure_id: c.text((i) => i.measureId, true),
		mesure_numero: c.text((i) => i.measureNumber, true),
		position: { type: 'integer', required: true, value: (i) => i.position },
		nom: c.text((i) => i.name, true),
		description: c.text((i) => i.description),
		unite: c.text((i) => i.unit, true),
		valeur_depart: { type: 'number', required: true, value: (i) => i.baseline },
		date_depart: c.date((i) => i.baselineDate),
		cible: { type: 'number', value: (i) => i.target },
		date_cible: c.date((i) => i.targetDate),
		sens: { type: 'string', required: true, enum: Object.values(IndicatorDirection), value: (i) => i.direction },
		derniere_valeur: { type: 'number', value: (i) => i.latestValue },
		derniere_valeur_date: c.date((i) => i.latestDate),
		avancement: { type: 'number', value: (i) => i.progress }
	}),
	foreignKeys: [{ field: 'mesure_id', resource: 'mesures' }]
});

const values = define('valeurs-indicateurs', {
	rows: 'values',
	columns: (c) => ({
		id: c.id((v) => v.id),
		indicateur_id: c.text((v) => v.indicatorId, true),
		mesure_id: c.text((v) => v.measureId, true),
		mesure_numero: c.text((v) => v.measureNumber, true),
		date: c.date((v) => v.date, true),
		date_precision: c.precision((v) => v.datePrecision, true),
		valeur: { type: 'number', required: true, value: (v) => v.value },
		qualificatif: c.text((v) => v.qualifier),
		source_url: { type: 'string', format: 'uri', required: true, value: (v) => v.sourceUrl },
		note: c.text((v) => v.note),
		automatique: { type: 'boolean', required: true, value: (v) => v.automatic }
	}),
	foreignKeys: [
		{ field: 'indicateur_id', resource: 'indicateurs' },
		{ field: 'mesure_id', resource: 'mesures' }
	]
});

const updates = define('mises-a-jour', {
	rows: 'updates',
	columns: (c) => ({
		id: c.id((u) => u.id),
		portee: { type: 'string', required: true, enum: ['plan', 'mesure'], value: (u) => (u.measureId ? 'mesure' : 'plan') },
		mesure_id: c.text((u) => u.measureId),
		mesure_numero: c.text((u) => u.measureNumber),
		date: c.date((u) => u.date, true),
		date_precision: c.precision((u) => u.datePrecision, true),
		texte: c.text((u) => u.text, true),
		blocages: c.text((u) => u.blockers),
		prochaines_etapes: c.text((u) => u.nextSteps),
		sources: { type: 'array', required: true, value: (u) => u.sourceUrls },
		// Whole seconds: the plain ISO form that Table Schema's default datetime format accepts.
		publie_le: { type: 'datetime', required: true, value: (u) => u.publishedAt.toISOString().replace(/\.\d{3}Z$/, 'Z') }
	}),
	foreignKeys: [{ field: 'mesure_id', resource: 'mesures' }]
});

const successionLabels = messages('fr').editing.successions;

const successions = define('successions', {
	rows: 'successions',
	columns: (c) => ({
		id: c.id((s) => s.id),
		sens: { type: 'string', required: true, enum: ['suite', 'origine'], value: (s) => (s.direction === 'next' ? 'suite' : 'origine') },
		mesure_id: c.text((s) => s.measureId, true),
		mesure_numero: c.text((s) => s.measureNumber, true),
		type: { type: 'string', required: true, enum: Object.values(SuccessionKind), value: (s) => s.kind },
		type_libelle: c.text((s) => (s.direction === 'next' ? successionLabels.kinds : successionLabels.predecessorKinds)[s.kind], true),
		autre_plan: c.text((s) => s.otherPlanSlug),
		autre_mesure_numero: c.text((s) => s.otherMeasureNumber),
		autre_mesure_url: { type: 'string', format: 'uri', value: (s) => s.otherMeasureUrl },
		raison: c.text((s) => s.reason),
		enregistre_le: c.date((s) => s.recordedOn, true)
	}),
	foreignKeys: [{ field: 'mesure_id', resource: 'mesures' }]
});

export const DATASETS: readonly Dataset[] = [measures, milestones, evidence, indicators, values, updates, successions];

export function findDataset(name: string): Dataset | null {
	return DATASETS.find((d) => d.name === name) ?? null;
}
