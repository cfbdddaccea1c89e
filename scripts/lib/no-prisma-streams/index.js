// Jalons replaces @prisma/streams-local (see package.json): `prisma dev` is not part of this project.
throw new Error('@prisma/streams-local is not installed in Jalons: `prisma dev` is not supported (use npm run dev).');
