// The one-time token a page gives its create forms (domain/submissions.ts says how it is claimed).
// A new one comes with every render of a signed-in page, and so after every save (POST/redirect/GET).
import { encodeBase64urlNoPadding } from '@oslojs/encoding';

export function newFormToken(): string {
	return encodeBase64urlNoPadding(crypto.getRandomValues(new Uint8Array(18)));
}
