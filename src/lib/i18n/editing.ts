// Interface text of the editing screens. French first; English must have every key.
export const editingFr = {
	title: 'editing'
};

export type EditingMessages = typeof editingFr;

export const editingEn: EditingMessages = {
	title: 'editing'
};
