// A readable name for a session's browser ("Firefox sur Linux") from its User-Agent, good enough to
// recognise one's own devices; the raw string stays available as a tooltip.
const BROWSERS: [RegExp, string][] = [
	[/Edg\//, 'Edge'],
	[/OPR\//, 'Opera'],
	[/Firefox\//, 'Firefox'],
	[/Chrom(e|ium)\//, 'Chrome'],
	[/Safari\//, 'Safari'],
	[/curl\//, 'curl']
];
const SYSTEMS: [RegExp, string][] = [
	[/Android/, 'Android'],
	[/iPhone|iPad/, 'iOS'],
	[/Windows/, 'Windows'],
	[/Mac OS X|Macintosh/, 'macOS'],
	[/CrOS/, 'ChromeOS'],
	[/Linux/, 'Linux']
];

export function describeDevice(userAgent: string | null): { browser: string; os: string | null } | null {
	if (!userAgent) return null;
	const browser = BROWSERS.find(([pattern]) => pattern.test(userAgent))?.[1];
	const os = SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1];
	return browser ? { browser, os: os ?? null } : null;
}
