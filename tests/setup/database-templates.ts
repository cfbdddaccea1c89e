// Vitest globalSetup: builds this run's database templates once (see tests/helpers/database-templates.ts)
// and hands their location to every test file through `inject('databaseTemplates')`.
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

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
	const serverUrl = process.env.DATABASE_URL;
	if (serverUrl) {
		const names = await createPostgresTemplates(serverUrl);
		project.provide('databaseTemplates', { kind: 'postgres', serverUrl, names });
		return () => dropPostgresDatabases(serverUrl, Object.values(names));
	}
	const dir = await mkdtemp(path.join(tmpdir(), 'jalons-templates-'));
	const blobs = await createPgliteTemplates();
	const files = { empty: path.join(dir, 'empty.tar'), plan: path.join(dir, 'plan.tar') };
	await writeFile(files.empty, Buffer.from(await blobs.empty.arrayBuffer()));
	await writeFile(files.plan, Buffer.from(await blobs.plan.arrayBuffer()));
	project.provide('databaseTemplates', { kind: 'embedded', files });
	return () => rm(dir, { recursive: true, force: true });
}
