import { chromium } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
const p = await b.newPage({ viewport: { width: 760, height: 300 } });
const img = (f) => 'data:image/png;base64,' + readFileSync(f).toString('base64');
await p.setContent(`<div style="display:flex;gap:10px">${process.argv.slice(2).map(f => `<div style="width:375px;height:300px;overflow:hidden;position:relative"><img src="${img(f)}" style="position:absolute;top:-6320px;left:0"></div>`).join('')}</div>`);
await p.waitForTimeout(500);
writeFileSync('/tmp/s4-shots/crop.png', await p.screenshot());
await b.close();
