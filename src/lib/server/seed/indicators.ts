// The figures that recur in the plan's sourced facts, turned into indicators with dated values.
// Each value repeats a figure a source gives, with that source; none is estimated by us.
// No source sets a target, so no target is given: indicator-based progress stays unknown.

export interface SeedIndicator {
	measureNumber: string;
	name: string;
	unit: string;
	description: string;
	baseline: number;
	baselineDate: string;
	values: { date: string; value: number; qualifier?: string; sourceUrl: string; note?: string }[];
}

const ANNUAL_REPORT_2021 = 'https://github.com/codegouvfr/logiciels-libres-archived/blob/main/archives/rapports/2021/index.md';

export const seedIndicators: SeedIndicator[] = [
	{
		measureNumber: '2.2',
		name: 'Dépôts de code source publics référencés sur code.gouv.fr',
		unit: 'dépôts',
		description: 'Nombre de dépôts publiés par des organismes publics et recensés par code.gouv.fr.',
		baseline: 6625,
		baselineDate: '2020-12',
		values: [
			{ date: '2020-12', value: 6625, qualifier: 'fin 2020', sourceUrl: ANNUAL_REPORT_2021 },
			{ date: '2021-12', value: 9574, qualifier: 'fin 2021', sourceUrl: ANNUAL_REPORT_2021 },
			{
				date: '2021-12-16',
				value: 9000,
				qualifier: 'environ',
				sourceUrl: 'https://nosdeputes.fr/15/intervention/1303244',
				note: 'Chiffre arrondi donné par la ministre à l’Assemblée nationale.'
			},
			{
				date: '2022-09-19',
				value: 12000,
				qualifier: 'plus de',
				sourceUrl:
					'https://github.com/codegouvfr/codegouvfr-website/blob/main/content/fr/blog/posts/retour-sur-la-journee-bluehats-mutualisons-juillet-2022/retour-sur-la-journee-bluehats-mutualisons-juillet-2022.md'
			},
			{
				date: '2023-12',
				value: 19000,
				qualifier: 'près de',
				sourceUrl: 'https://wordpress.kennycaldieraro.fr/concurrence-irresponsable-le-cnll-pilonne-la-dinum',
				note: 'Chiffre du rapport de la Cour des comptes cité par la presse.'
			},
			{
				date: '2024-11-29',
				value: 20000,
				qualifier: 'plus de',
				sourceUrl: 'https://github.com/codegouvfr/codegouvfr-website/blob/main/content/fr/blog/posts/nouveautes-code-gouv-fr-sources/index.md'
			}
		]
	},
	{
		measureNumber: '1.2',
		name: 'Logiciels libres référencés dans le SILL',
		unit: 'logiciels',
		description: 'Nombre de solutions inscrites au socle interministériel de logiciels libres.',
		baseline: 209,
		baselineDate: '2020-12',
		values: [
			{ date: '2020-12', value: 209, qualifier: 'fin 2020', sourceUrl: ANNUAL_REPORT_2021 },
			{ date: '2021-12', value: 231, qualifier: 'fin 2021', sourceUrl: ANNUAL_REPORT_2021 },
			{
				date: '2024-10',
				value: 494,
				sourceUrl: 'https://github.com/codegouvfr/codegouvfr-website/blob/main/content/fr/about/depenses-effectifs-impact.md'
			},
			{
				date: '2024-11-26',
				value: 500,
				sourceUrl: 'https://github.com/codegouvfr/codegouvfr-website/blob/main/content/fr/blog/posts/500-logiciels-libres-au-sill/index.md'
			}
		]
	}
];
