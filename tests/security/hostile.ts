// Hostile inputs for the fuzz tests: random strings of every kind plus a corpus of classics
// (injection strings, URL schemes, bad dates, unicode edge cases, huge values).
import fc from 'fast-check';

const CORPUS = [
	'',
	' ',
	'\u0000',
	'abc\u0000def',
	'\uFEFF',
	'\u202E\u202D',
	'\uD800',
	'e\u0301\u0301\u0301',
	'👩‍👩‍👧‍👦',
	'\r\n{"level":"error","msg":"forged"}',
	'\'; DROP TABLE "Measure"; --',
	"' OR '1'='1",
	'1; SELECT pg_sleep(10)',
	'<script>alert(1)</script>',
	'<img src=x onerror=alert(1)>',
	'<svg onload=alert(1)>',
	'"><a href="javascript:alert(1)">x</a>',
	'javascript:alert(1)',
	'JaVaScRiPt:alert(1)',
	'&#106;avascript:alert(1)',
	'data:text/html,<script>alert(1)</script>',
	'vbscript:msgbox(1)',
	'https://',
	'http://[::1',
	'https://exa mple.org',
	'ftp://example.org/x',
	'//evil.example',
	'=cmd|" /C calc"!A0',
	'+1',
	'-1',
	'@SUM(A1)',
	'2024-02-30',
	'2024-13-01',
	'0000-00-00',
	'9999-12-31',
	'-2024-01-01',
	'2024-1-1',
	'T5 2024',
	'S3 2022',
	'continu',
	'NaN',
	'Infinity',
	'1e309',
	'-0',
	'1.5',
	'101',
	'-1',
	'00000000000000000000001',
	'0x10',
	'true',
	'null',
	'undefined',
	'[object Object]',
	'__proto__',
	'constructor',
	'../../etc/passwd',
	'%00',
	'%0d%0a',
	'ADMIN',
	'PUBLISHED'
];

const huge = fc.integer({ min: 1_000, max: 60_000 }).map((n) => 'x'.repeat(n));

export const hostileString: fc.Arbitrary<string> = fc.oneof(
	{ weight: 4, arbitrary: fc.constantFrom(...CORPUS) },
	{ weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 80 }) },
	{ weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 80 }) },
	{ weight: 1, arbitrary: fc.integer().map(String) },
	{ weight: 1, arbitrary: huge }
);

/** A form built from a valid one: some fields replaced, some dropped, maybe one extra. */
export function mutatedForm(base: Record<string, string>): fc.Arbitrary<Record<string, string | string[]>> {
	const keys = Object.keys(base);
	const key = keys.length ? fc.constantFrom(...keys) : fc.constant('field');
	return fc
		.record({
			replaced: fc.dictionary(key, fc.oneof(hostileString, fc.array(hostileString, { minLength: 2, maxLength: 3 })), { maxKeys: 4 }),
			dropped: fc.subarray(keys, { maxLength: 2 }),
			extra: fc.option(fc.tuple(fc.constantFrom('role', 'roles', 'status', 'publishedAt', 'measureId', 'authorId', '__proto__', 'x'), hostileString), { nil: undefined })
		})
		.map(({ replaced, dropped, extra }) => {
			const form: Record<string, string | string[]> = { ...base, ...replaced };
			for (const k of dropped) delete form[k];
			if (extra) form[extra[0]] = extra[1];
			return form;
		});
}

export function toFormData(form: Record<string, string | string[]>): FormData {
	const data = new FormData();
	for (const [k, v] of Object.entries(form)) for (const one of Array.isArray(v) ? v : [v]) data.append(k, one);
	return data;
}
