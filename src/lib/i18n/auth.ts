// Interface text of the auth screens. French first; English must have every key.
export const authFr = {
	title: 'auth'
};

export type AuthMessages = typeof authFr;

export const authEn: AuthMessages = {
	title: 'auth'
};
