// A minimal browser over HTTP for the ProConnect tests: a cookie jar per origin (host and port, which
// is stricter than a browser and keeps the app's and the provider's cookies apart) and redirects
// followed by hand, so that a test can stop at the app's callback and tamper with it.
export class HttpBrowser {
	private jar = new Map<string, Map<string, string>>();

	cookies(origin: string): Map<string, string> {
		let cookies = this.jar.get(origin);
		if (!cookies) this.jar.set(origin, (cookies = new Map()));
		return cookies;
	}

	/** A copy of every cookie, to replay a request later as a thief of this browser's cookies would. */
	snapshot(): Map<string, Map<string, string>> {
		return new Map([...this.jar].map(([origin, cookies]) => [origin, new Map(cookies)]));
	}

	restore(snapshot: Map<string, Map<string, string>>): void {
		this.jar = new Map([...snapshot].map(([origin, cookies]) => [origin, new Map(cookies)]));
	}

	async request(url: string | URL, init: { method?: string; form?: Record<string, string>; origin?: string } = {}): Promise<Response> {
		const target = new URL(url);
		const cookies = this.cookies(target.origin);
		const headers: Record<string, string> = { accept: 'text/html' };
		if (cookies.size) headers.cookie = [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
		if (init.form) headers['content-type'] = 'application/x-www-form-urlencoded';
		if (init.origin) headers.origin = init.origin;
		const response = await fetch(target, {
			method: init.method ?? (init.form ? 'POST' : 'GET'),
			headers,
			body: init.form ? new URLSearchParams(init.form) : undefined,
			redirect: 'manual'
		});
		for (const line of response.headers.getSetCookie()) {
			const [pair, ...attributes] = line.split(';');
			const eq = pair!.indexOf('=');
			const name = pair!.slice(0, eq).trim();
			const value = pair!.slice(eq + 1).trim();
			const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && Date.parse(a.split('=')[1]!) < Date.now()));
			if (expired || value === '') cookies.delete(name);
			else cookies.set(name, value);
		}
		return response;
	}

	/** Follows redirects from `url` until a page answers or `stop` says the next URL is for the test to handle. */
	async follow(url: string | URL, init: Parameters<HttpBrowser['request']>[1] = {}, stop: (next: URL) => boolean = () => false): Promise<{ response: Response | null; url: URL }> {
		let current = new URL(url);
		let response = await this.request(current, init);
		for (let hops = 0; hops < 20; hops++) {
			const location = response.headers.get('location');
			if (response.status < 300 || response.status >= 400 || !location) return { response, url: current };
			current = new URL(location, current);
			if (stop(current)) return { response: null, url: current };
			response = await this.request(current);
		}
		throw new Error('too many redirects');
	}
}
