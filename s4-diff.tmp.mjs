import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
const [a, bb] = process.argv.slice(2).map((f) => 'data:image/png;base64,' + readFileSync(f).toString('base64'));
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
const p = await b.newPage();
const r = await p.evaluate(async ([a, b]) => {
  const load = (src) => new Promise((res) => { const i = new Image(); i.onload = () => res(i); i.src = src; });
  const [ia, ib] = await Promise.all([load(a), load(b)]);
  const d = (i) => { const c = document.createElement('canvas'); c.width = i.width; c.height = i.height; const x = c.getContext('2d'); x.drawImage(i, 0, 0); return x.getImageData(0, 0, i.width, i.height).data; };
  const da = d(ia), db = d(ib); let n = 0, minY = 1e9, maxY = -1, minX = 1e9, maxX = -1;
  for (let k = 0; k < da.length; k += 4) if (da[k] !== db[k] || da[k+1] !== db[k+1] || da[k+2] !== db[k+2]) { n++; const px = k / 4, y = Math.floor(px / ia.width), x = px % ia.width; minY = Math.min(minY, y); maxY = Math.max(maxY, y); minX = Math.min(minX, x); maxX = Math.max(maxX, x); }
  return { w: ia.width, h: ia.height, h2: ib.height, n, minX, maxX, minY, maxY };
}, [a, bb]);
console.log(JSON.stringify(r));
await b.close();
