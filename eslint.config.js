import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

// `npm run lint` lints .svelte files in a second run: interleaved with .ts files, each Svelte file's virtual
// TypeScript makes the project service rebuild the program, several times slower overall.
export default ts.config(
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'data/',
			'tmp/',
			'test-results/',
			'playwright-report/',
			'lighthouse-reports/',
			'src/lib/server/db/generated/',
			'scripts/lib/no-prisma-streams/'
		]
	},
	js.configs.recommended,
	ts.configs.recommendedTypeChecked,
	svelte.configs.recommended,
	prettier,
	svelte.configs.prettier,
	{
		languageOptions: {
			globals: { ...globals.browser, ...globals.node },
			parserOptions: {
				// Files that no tsconfig.json includes (nor a file it includes imports) get a default project.
				projectService: {
					allowDefaultProject: [
						'*.js',
						'prisma.config.ts',
						'scripts/*.mjs',
						'bench/run.ts',
						'bench/signed-in.ts',
						'bench/query-tap.mjs',
						'bench/csv-import.ts',
						'bench/opendata.ts',
						'bench/large-plan.ts',
						'bench/past-date-server.ts',
						'bench/save-trace.ts'
					],
					// About twenty small config, script and bench files; the default of 8 is a warning threshold, not a limit.
					maximumDefaultProjectFileMatchCount_THIS_WILL_SLOW_DOWN_LINTING: 24
				},
				tsconfigRootDir: import.meta.dirname
			}
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				parser: ts.parser,
				extraFileExtensions: ['.svelte'],
				svelteConfig
			}
		}
	},
	{
		rules: {
			// The no-unsafe-* family costs half of the type-aware time and only flags JSON read in scripts and
			// tests; strict TypeScript already keeps `any` out of src/.
			'@typescript-eslint/no-unsafe-argument': 'off',
			'@typescript-eslint/no-unsafe-assignment': 'off',
			'@typescript-eslint/no-unsafe-call': 'off',
			'@typescript-eslint/no-unsafe-member-access': 'off',
			'@typescript-eslint/no-unsafe-return': 'off',
			// Fakes in tests implement async interfaces without awaiting anything.
			'@typescript-eslint/require-await': 'off',
			'@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true, varsIgnorePattern: '^_', argsIgnorePattern: '^_' }],
			'@typescript-eslint/no-floating-promises': 'error',
			'@typescript-eslint/no-misused-promises': 'error',
			'svelte/no-at-html-tags': 'error',
			// {' '} keeps a space that Svelte trims at the edge of a block ({#if}…{/if}): not useless.
			'svelte/no-useless-mustaches': 'off',
			// Links are built by the i18n layer's localized path helpers (the /en prefix), not by resolve().
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		// In tests the rule reports assertions that tsc needs (vi.hoisted values, loads typed by SvelteKit's
		// generated $types, casts of fixtures to loose shapes): it sees those types otherwise than tsc does.
		files: ['tests/**/*.ts'],
		rules: { '@typescript-eslint/no-unnecessary-type-assertion': 'off' }
	}
);
