// The open data checked by Frictionless's own published libraries (`datapackage`, `tableschema`),
// not by a checker of ours: descriptors against the official profiles, CSV rows against their
// Table Schema (header, types, formats, required, unique, enum, pattern) and foreign keys across files.
// Each call returns the problems found, so a test asserts an empty list and shows them otherwise.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { Package } from 'datapackage';
import { Schema, Table } from 'tableschema';

type Failure = Error & { errors?: { message: string }[] };

/** A row error's message followed by its causes, on one line. */
const summary = (where: string, failure: Failure) => [where, failure.message, ...(failure.errors ?? []).map((e) => e.message)].join(' ');
const isFailure = (row: unknown): row is Failure => row instanceof Error;

/** The libraries fill defaults into the descriptor they are given: they get a copy. */
const copy = <T>(value: T): T => structuredClone(value);

/** What `Schema.load` really resolves to (the package's own typings say less, and call it synchronous). */
interface LoadedSchema {
	valid: boolean;
	errors: Error[];
	fieldNames: string[];
}
const loadSchema = async (descriptor: object) => (await Promise.resolve<unknown>(Schema.load(copy(descriptor)))) as LoadedSchema;

export async function tableSchemaProblems(descriptor: object): Promise<string[]> {
	const schema = await loadSchema(descriptor);
	return schema.valid ? [] : schema.errors.map((e) => e.message);
}

/** Checks one CSV text against its Table Schema, row by row. */
export async function csvProblems(descriptor: object, csv: string): Promise<string[]> {
	const schema = await loadSchema(descriptor);
	if (!schema.valid) return schema.errors.map((e) => e.message);
	const table = await Table.load(() => Readable.from([csv]), { schema, headers: 1, delimiter: ',' });
	// The package's typings declare read() synchronous; it returns a promise.
	const rows = (await Promise.resolve<unknown>(table.read({ cast: true, forceCast: true } as never))) as unknown[];
	const problems = rows.flatMap((row, i) => (isFailure(row) ? [summary(`row ${i + 2}:`, row)] : []));
	const names = schema.fieldNames;
	if (JSON.stringify(table.headers) !== JSON.stringify(names)) problems.unshift(`header ${JSON.stringify(table.headers)} is not ${JSON.stringify(names)}`);
	return problems;
}

/**
 * Validates a Data Package descriptor, then reads every resource from `files` (name → contents, laid
 * side by side in a scratch folder as a downloaded package would be) with its foreign keys resolved.
 */
export async function dataPackageProblems(descriptor: object, files: Record<string, string>): Promise<string[]> {
	const folder = await mkdtemp(path.join(tmpdir(), 'jalons-datapackage-'));
	try {
		for (const [name, contents] of Object.entries(files)) await writeFile(path.join(folder, name), contents);
		const pkg = await Package.load(copy(descriptor), { basePath: folder });
		if (!pkg.valid) return pkg.errors.map((e) => e.message);
		const problems: string[] = [];
		for (const resource of pkg.resources) {
			const rows = await resource.read({ cast: true, relations: true, forceCast: true });
			rows.forEach((row, i) => {
				if (isFailure(row)) problems.push(summary(`${resource.name} row ${i + 2}:`, row));
			});
		}
		return problems;
	} finally {
		await rm(folder, { recursive: true, force: true });
	}
}
