// English interface text of the privacy namespace: every key of the French reference (privacy.ts).
import type { PrivacyMessages } from './privacy';

export const privacyEn: PrivacyMessages = {
	publicTitle: 'Browsing the public pages',
	publicText:
		'The public pages of Jalons set no cookie and call no third-party audience measurement service. No personal data is collected when they are viewed, apart from the server’s technical logs (address of the request, date), kept for the security of the service.',
	sessionsTitle: 'Signed-in accounts: sessions',
	sessionsWhat:
		'When someone signs in, Jalons sets a session cookie (strictly necessary: without it nobody can stay signed in) and stores with that session the IP address and the browser identification (“user agent”) used to sign in, along with the time of sign-in and of the last activity. Only a fingerprint (SHA-256) of the cookie’s token is kept.',
	sessionsWhy:
		'Why: so that everyone can see, on the “My account” page, the sessions open in their name (device, address, dates) and end one they do not recognise, and so that fraudulent use of an account can be investigated.',
	sessionsHowLong:
		'How long: as long as the session is valid. It expires after {idle} without activity and at the latest {max} after signing in; it ends earlier on signing out, on a password change, when the account is disabled or when an administrator ends it. An ended session is erased at once, an expired one by the automatic clean-up of the database, which runs several times a day.',
	throttleTitle: 'Protection against repeated sign-in attempts',
	throttleWhat:
		'Every sign-in attempt, successful or not, is stored with the IP address it came from, a fingerprint (SHA-256) of the e-mail address typed (never the address itself), its time and its outcome. The browser identification is not stored with it.',
	throttleWhy:
		'Why: to slow down anyone trying to guess a password (a limited number of failures per account and per IP address over a period of time) without locking out the account holder: addresses they have already signed in from successfully are recognised.',
	throttleHowLong: 'How long: {failed} for a failed attempt, {succeeded} for a successful sign-in (how long an address stays recognised), after which the attempt is erased.',
	proconnectTitle: 'Signing in with ProConnect',
	proconnectWhat:
		'When a public agent signs in with ProConnect, Jalons stores the identity linked to their account: the identifier of their identity provider (“idp_id”) and theirs at that provider (“sub”), the e-mail address and the SIRET number of their organisation as ProConnect sends them, the date the identity was linked and that of the last sign-in. The other information sent (first name, last name, internal identifier) is not kept. The session opened also keeps the ID token ProConnect hands over. During the round trip to ProConnect, a technical cookie lasting a few minutes holds the random values that protect the exchange; it is erased on return.',
	proconnectWhy:
		'Why: to find the account at later sign-ins, even if the agent’s address changes, and to show the linked identities (organisation, dates) on the “My account” page; the ID token is used to end the ProConnect session too when signing out.',
	proconnectHowLong:
		'How long: the identity stays linked until the agent unlinks it from “My account” (if they keep another way to sign in, a password) or the account is erased; the address and SIRET number are replaced at every sign-in. The ID token is erased with the session, within the times given above.'
};
