import { format, formatNumber, type Locale, type Messages } from '$lib/i18n';

/** File sizes as people read them: "12,4 ko", in decimal units like file managers. */
export function formatBytes(bytes: number, locale: Locale, units: Messages['opendata']['sizes']): string {
	if (bytes < 1000) return format(units.bytes, { n: bytes });
	if (bytes < 1_000_000) return format(units.kilobytes, { n: formatNumber(bytes / 1000, locale) });
	return format(units.megabytes, { n: formatNumber(bytes / 1_000_000, locale) });
}
