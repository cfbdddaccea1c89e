// Interface text of the open data pages, downloads and feeds. French first; English must have every key.
export const opendataFr = {
	title: 'Données ouvertes'
};

export type OpendataMessages = typeof opendataFr;

export const opendataEn: OpendataMessages = {
	title: 'Open data'
};
