// English interface text of the links namespace: every key of the French reference (links.ts).
import type { LinksMessages } from './links';

export const linksEn: LinksMessages = {
	possiblyDead: 'Link possibly dead since {date}',
	archive: 'Look for this link in the Web archives',
	archiveContext: ' (“{title}”, Internet Archive)',
	editor: {
		deadTitle: 'Link possibly dead since {date}',
		movedTitle: 'This link permanently redirects to another address',
		lastCheck: 'Last checked on {date}: {status}.',
		suggested: 'New address given by the site: {url}',
		archive: 'Look for a copy in the Web archives',
		newUrl: 'New address of the link',
		newUrlHint: 'It replaces this evidence’s address; its title, type and date stay the same.',
		updateSourceHint: 'It replaces this source of the published update; its text and other sources stay the same.',
		valueSourceHint: 'It replaces this value’s source; the figure and its date stay the same.',
		updateSubject: 'source {url} of the update of {date}',
		valueSubject: 'source of the value of {date}',
		submit: 'Replace the link',
		submitContext: ' “{title}”'
	},
	statuses: {
		timeout: 'no answer in time',
		refused: 'connection refused',
		dns: 'domain name not found',
		'private-address': 'not a public address',
		scheme: 'not a web address',
		'too-many-redirects': 'too many redirects',
		'too-large': 'answer too large',
		network: 'network error',
		http: 'HTTP answer {code}'
	},
	data: {
		title: 'Links to check',
		count: { one: '{n} evidence or source link possibly dead', other: '{n} evidence or source links possibly dead' },
		none: 'No evidence or source link is possibly dead.',
		rule: 'Jalons checks evidence links and the sources of updates and indicators every day. A link is called possibly dead when it failed three checks in a row spread over at least seven days.'
	}
};
