// Prisma CLI configuration. The CLI is only used here for `generate`, `validate` and `format`:
// migrations are generated and applied with Prisma's WebAssembly schema engine (scripts/*-migration*),
// because the native engine cannot be downloaded on offline machines.
import { defineConfig } from 'prisma/config';

export default defineConfig({
	schema: 'prisma/schema.prisma',
	migrations: { path: 'prisma/migrations' },
	datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost/jalons' }
});
