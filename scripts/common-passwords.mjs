// `node scripts/common-passwords.mjs`: regenerates src/lib/server/auth/common-passwords.json, the most
// common passwords refused whatever their length (ASVS 6.2.4): the 10,000 most frequent entries of the
// zxcvbn password list plus its entries of 10 characters or more, lower-cased, from the npm package
// @zxcvbn-ts/language-common (`dictionary['passwords-common']`, MIT; it comes from Dropbox's zxcvbn,
// built from leaked-password corpora). The list ships with the code and is never fetched at run time;
// tests/unit/auth-password.test.ts rebuilds the selection from the package and fails when they differ.
import { writeFileSync } from 'node:fs';
import { dictionary } from '@zxcvbn-ts/language-common';

const list = dictionary['passwords-common'];
const selected = [...new Set([...list.slice(0, 10000), ...list.slice(10000).filter((w) => [...w].length >= 10)].map((w) => w.toLowerCase()))];
// One entry a line, so that a regeneration diffs line by line.
const file = new URL('../src/lib/server/auth/common-passwords.json', import.meta.url);
writeFileSync(file, `[\n${selected.map((w) => JSON.stringify(w)).join(',\n')}\n]\n`);
console.log(`${selected.length} common passwords written to ${file.pathname}`);
