#!/bin/sh
# Stands in for Prisma's native schema engine, which cannot be downloaded on offline machines.
# It exits 1 so that `prisma migrate …` fails loudly instead of silently doing nothing.
# Migrations are generated and applied with the WebAssembly engine: see scripts/new-migration.ts.
echo "Prisma's native schema engine is not available here; use npm run db:migration / db:migrate." >&2
exit 1
