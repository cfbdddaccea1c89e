// Structured one-line JSON logs in UTC. User text is JSON-encoded, so it cannot forge a log line.
type Level = 'info' | 'warn' | 'error';

export function log(level: Level, msg: string, fields: Record<string, unknown> = {}): void {
	const line = JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields });
	if (level === 'error') console.error(line);
	else console.log(line);
}

export function logError(fields: { requestId: string; method: string; path: string; status: number; message: string; error: unknown }): void {
	const { error, ...rest } = fields;
	log('error', 'request failed', {
		...rest,
		error: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error)
	});
}
