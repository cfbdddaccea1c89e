// A throwaway PostgreSQL server on 127.0.0.1 for benchmarks and load tests, when DATABASE_URL is
// not given: Debian's binaries, a data folder under /tmp, trust auth, stopped at the end.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, chownSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface ThrowawayPostgres {
	url: string;
	stop(): void;
	restart(): void;
	/** Stops the server without removing its data (fault tests); `start()` brings it back. */
	pause(): void;
	start(): void;
}

function postgresBin(): string {
	const root = '/usr/lib/postgresql';
	const versions = existsSync(root) ? readdirSync(root).sort() : [];
	const bin = versions
		.map((v) => path.join(root, v, 'bin'))
		.reverse()
		.find((dir) => existsSync(path.join(dir, 'initdb')));
	if (!bin) throw new Error('PostgreSQL server binaries not found: apt-get install -y postgresql, or set DATABASE_URL.');
	return bin;
}

export function startThrowawayPostgres(port = 55433): ThrowawayPostgres {
	const bin = postgresBin();
	const dir = mkdtempSync(path.join(tmpdir(), 'jalons-bench-pg-'));
	const asRoot = process.getuid?.() === 0;
	// initdb refuses to run as root: run the server as the postgres user when we are root.
	const run = (command: string, args: string[]) => {
		const full = path.join(bin, command);
		const result = asRoot ? spawnSync('runuser', ['-u', 'postgres', '--', full, ...args], { stdio: 'pipe' }) : spawnSync(full, args, { stdio: 'pipe' });
		if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr.toString()}`);
	};
	if (asRoot) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString().trim()), Number(execFileSync('id', ['-g', 'postgres']).toString().trim()));
	const data = path.join(dir, 'data');
	run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
	const start = () =>
		run('pg_ctl', ['-D', data, '-l', path.join(dir, 'log'), '-w', '-o', `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c max_connections=300`, 'start']);
	const stopServer = (mode: string) => run('pg_ctl', ['-D', data, '-m', mode, 'stop']);
	start();
	return {
		url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
		start,
		pause: () => stopServer('immediate'),
		restart: () => {
			stopServer('fast');
			start();
		},
		stop: () => {
			try {
				stopServer('fast');
			} finally {
				rmSync(dir, { recursive: true, force: true });
			}
		}
	};
}
