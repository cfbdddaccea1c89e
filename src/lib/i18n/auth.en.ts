// English interface text of the auth namespace: every key of the French reference (auth.ts).
import type { AuthMessages } from './auth';

export const authEn: AuthMessages = {
	title: 'Accounts',
	forbidden: 'You do not have the rights needed for this action.',
	roles: {
		ADMIN: 'Administrator',
		EDITOR: 'Editor',
		AMDAC: 'AMDAC',
		COUNCIL: 'CLL member'
	},
	header: {
		tools: 'Account tools',
		login: 'Sign in',
		account: 'My account',
		admin: 'Administration',
		logout: 'Sign out',
		menu: 'Menu',
		close: 'Close'
	},
	fields: {
		email: 'E-mail address',
		emailHint: 'Expected format: name@domain.fr',
		password: 'Password',
		currentPassword: 'Current password',
		newPassword: 'New password',
		newPasswordHint: 'At least 12 characters, no other constraint. A sentence of several words is easy to remember and hard to guess.',
		confirmation: 'Confirm the password',
		displayName: 'Display name',
		organisation: 'Organisation',
		organisationHint: 'Optional. For example: DINUM, Ministry of the Interior.',
		roles: 'Roles',
		teams: 'Teams',
		teamsHint: 'An editor, or an AMDAC member in their ministry’s team, edits the measures carried by their teams.'
	},
	login: {
		title: 'Sign in',
		lead: 'For the teams who keep the tracker up to date. The public dashboard needs no account.',
		submit: 'Sign in',
		forgot: 'Forgot your password?',
		invalid: 'Wrong e-mail address or password.',
		throttled: { one: 'Too many sign-in attempts. Try again in {n} minute.', other: 'Too many sign-in attempts. Try again in {n} minutes.' },
		required: 'Sign in to see this page.',
		loggedOut: 'You are signed out.',
		passwordSet: 'Your password is saved: you can sign in.',
		signedInAs: 'You are signed in as {name}. Signing in again will close this session.'
	},
	logout: {
		title: 'Sign out',
		lead: 'Signing out closes your session on this device.',
		submit: 'Sign out',
		notSignedIn: 'You are not signed in.'
	},
	invitation: {
		title: 'Create your account',
		lead: 'You are invited to join Jalons with the address {email}. Choose your password to activate your account.',
		submit: 'Create my account',
		invalidTitle: 'Invalid or expired invitation',
		invalid: 'This invitation link is no longer valid: it has been used, replaced by a newer invitation, or has expired. Ask an administrator for a new invitation.'
	},
	forgot: {
		title: 'Forgotten password',
		lead: 'Enter the e-mail address of your account. If it matches an active account, you will receive a link to choose a new password.',
		submit: 'Send me a link',
		sent: 'If an active account matches this address, a message with a link valid for one hour has just been sent to it. If nothing arrives, contact a Jalons administrator.'
	},
	reset: {
		title: 'Choose a new password',
		lead: 'Choose a new password for the account {email}. Every open session of this account will be closed.',
		submit: 'Save the password',
		invalidTitle: 'Invalid or expired link',
		invalid: 'This reset link is no longer valid: it has been used, replaced by a newer link, or has expired. Ask for a new one.',
		askAgain: 'Ask for a new link'
	},
	account: {
		title: 'My account',
		identity: 'My details',
		none: 'None',
		changePassword: 'Change password',
		changePasswordLead: 'Your other sessions will be closed.',
		changeSubmit: 'Change the password',
		passwordChanged: 'Password changed. Your other sessions have been closed.',
		sessions: 'My sessions',
		sessionsCaption: 'Sessions open on my account',
		device: 'Device',
		createdAt: 'Opened on',
		lastSeen: 'Last activity',
		ipAddress: 'IP address',
		action: 'Action',
		current: 'Current session',
		revoke: 'Close',
		revokeLabel: 'Close the session opened on {date}',
		revoked: 'Session closed.',
		revokeOthers: 'Close all my other sessions',
		othersRevoked: { one: '{n} other session closed.', other: '{n} other sessions closed.' },
		unknownDevice: 'Unknown device',
		deviceOn: '{browser} on {os}'
	},
	admin: {
		section: 'Administration',
		title: 'Users',
		lead: 'Accounts are created by invitation: the invited person chooses their own password.',
		invite: 'Invite a user',
		usersCaption: 'Accounts ({n})',
		name: 'Name',
		state: 'State',
		active: 'Active',
		disabled: 'Disabled',
		noPassword: 'No password',
		edit: 'Edit',
		editLabel: 'Edit the account of {name}',
		pending: 'Pending invitations',
		pendingCaption: 'Pending invitations ({n})',
		noPending: 'No pending invitation.',
		expires: 'Expires on',
		inviteTitle: 'Invite a user',
		inviteLead: 'The person receives a single-use link, valid for 7 days, to choose their password.',
		inviteSubmit: 'Send the invitation',
		invitedMailed: 'Invitation e-mailed to {email}.',
		linkToPass: 'No e-mail could be sent. Pass this link on to {email} yourself; it is valid until {date} and works only once:',
		editTitle: 'Account of {name}',
		saved: 'Changes saved.',
		accessTitle: 'Access',
		disable: 'Disable the account',
		disableHint: 'Their sessions are closed at once; their contributions stay.',
		enable: 'Enable the account again',
		disabledDone: 'Account disabled: its sessions have been closed.',
		enabledDone: 'Account enabled again.',
		sendReset: 'Send a password reset link',
		resetMailed: 'Reset link e-mailed to {email}.',
		sessionsOpen: 'Open sessions: {n}',
		back: 'Back to the list of users'
	},
	errors: {
		emailTaken: 'An account already exists with this address.',
		unknownTeam: 'Choose teams from the list.',
		editorNeedsTeam: 'An editor must belong to at least one team.',
		rolesRequired: 'Choose at least one role.',
		passwordTooShort: 'The password must be at least 12 characters long.',
		passwordTooLong: 'The password must be at most 128 characters long.',
		passwordCommon: 'This password is one of the most used: choose another one.',
		passwordPersonal: 'The password must not contain your e-mail address.',
		passwordMismatch: 'The two passwords do not match.',
		passwordSame: 'The new password must differ from the current one.',
		currentPasswordWrong: 'The current password is wrong.',
		linkInvalid: 'This link is no longer valid.',
		cannotDisableSelf: 'You cannot disable your own account.',
		cannotDemoteSelf: 'You cannot remove your own administrator role.',
		userDisabled: 'This account is disabled.',
		revokeCurrent: 'To close the current session, sign out.',
		sessionNotFound: 'This session no longer exists.'
	},
	mail: {
		invitationSubject: 'Your invitation to Jalons',
		invitationBody:
			'Hello {name},\n\n{inviter} invites you to join Jalons, the public tracker of government action plans.\n\nTo create your account, choose your password by following this link:\n{link}\n\nThis link is valid until {date} and works only once. If you did not expect this invitation, ignore this message.\n',
		resetSubject: 'Resetting your Jalons password',
		resetBody:
			'Hello {name},\n\nTo choose a new password for your Jalons account, follow this link:\n{link}\n\nThis link is valid until {date} and works only once. If you asked for nothing, ignore this message: your current password still works.\n'
	}
};
