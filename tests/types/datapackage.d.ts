// The part of the `datapackage` package (Frictionless, JavaScript) that the tests call; it ships no types.
declare module 'datapackage' {
	interface DescriptorError {
		message: string;
	}
	interface Resource {
		name: string;
		tabular: boolean;
		read(options: { cast?: boolean; relations?: boolean; forceCast?: boolean }): Promise<(unknown[] | (Error & { errors?: DescriptorError[] }))[]>;
	}
	export class Package {
		static load(descriptor: object, options?: { basePath?: string; strict?: boolean }): Promise<Package>;
		readonly valid: boolean;
		readonly errors: DescriptorError[];
		readonly resources: Resource[];
	}
}
