// Vitest globalSetup: builds this run's database templates once (see tests/helpers/database-templates.ts)
// and hands their location to every test file through `inject('databaseTemplates')`.
//
// Vitest calls a global setup once per project (vite.config.ts has two, isolated and shared module
// state) and once more for the root, all in this one process: the first call builds the templates,
// the others reuse them, and the last teardown removes them.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createPgliteTemplates, createPostgresTemplates, dropPostgresDatabases, type Templates } from '../helpers/database-templates';

declare module 'vitest' {
	export interface ProvidedContext {
		databaseTemplates: Templates;
	}
}

type Built = { templates: Templates; remove: () => Promise<void> };
const shared = globalThis as typeof globalThis & { jalonsTemplates?: { built: Promise<Built>; users: number } };

async function build(): Promise<Built> {
	const serverUrl = process.env.DATABASE_URL;
	if (serverUrl) {
		const names = await createPostgresTemplates(serverUrl);
		return { templates: { kind: 'postgres', serverUrl, names }, remove: () => dropPostgresDatabases(serverUrl, Object.values(names)) };
	}
	const dir = await mkdtemp(path.join(tmpdir(), 'jalons-templates-'));
	const blobs = await createPgliteTemplates();
	const files = { empty: path.join(dir, 'empty.tar'), plan: path.join(dir, 'plan.tar') };
	await writeFile(files.empty, Buffer.from(await blobs.empty.arrayBuffer()));
	await writeFile(files.plan, Buffer.from(await blobs.plan.arrayBuffer()));
	return { templates: { kind: 'embedded', files }, remove: () => rm(dir, { recursive: true, force: true }) };
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
	const entry = (shared.jalonsTemplates ??= { built: build(), users: 0 });
	entry.users += 1;
	const { templates, remove } = await entry.built;
	project.provide('databaseTemplates', templates);
	return async () => {
		entry.users -= 1;
		if (entry.users > 0) return;
		shared.jalonsTemplates = undefined;
		await remove();
	};
}
