// Calls a +server.ts handler directly, with the few parts of a RequestEvent our handlers read.
export function requestEvent<E>(path: string, params: Record<string, string>, headers: Record<string, string> = {}): E {
	const url = new URL(path, 'http://jalons.test');
	return { url, params, request: new Request(url, { headers }), locals: { requestId: 'test-request', locale: 'fr' } } as unknown as E;
}
