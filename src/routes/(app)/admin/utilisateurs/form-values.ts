// Reading back what a failed form sent (strings, or arrays for checkboxes) to fill it in again.
export type Sent = Record<string, unknown> | undefined | null;

export const sentText = (sent: Sent, name: string, fallback = ''): string => {
	const value = sent?.[name];
	return typeof value === 'string' ? value : fallback;
};

export const sentList = (sent: Sent, name: string, fallback: readonly string[] = []): readonly string[] => {
	if (!sent) return fallback;
	const value = sent[name];
	if (value === undefined) return [];
	return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : typeof value === 'string' ? [value] : [];
};
