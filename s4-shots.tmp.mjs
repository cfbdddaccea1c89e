import { chromium } from '@playwright/test';
import { writeFileSync, mkdirSync } from 'node:fs';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-dev-shm-usage','--disable-gpu'] });
const L = '/plans/plan-action-logiciels-libres-et-communs-numeriques/mesures';
mkdirSync('/tmp/s4-shots', { recursive: true });
for (const js of [true, false]) for (const [name, path] of [['dashboard', '/'], ['list', L], ['measure', L + '/2.2']]) {
  const shots = [];
  for (const port of [4431, 4432]) {
    const ctx = await b.newContext({ viewport: { width: 375, height: 800 }, javaScriptEnabled: js, reducedMotion: 'reduce' });
    const p = await ctx.newPage();
    await p.goto(`http://127.0.0.1:${port}${path}`, { waitUntil: 'networkidle' });
    if (js) await p.waitForFunction(() => document.documentElement.hasAttribute('data-fr-js'));
    // Scroll through so that the lazy charts draw, then back.
    await p.evaluate(async () => { for (let y = 0; y < document.body.scrollHeight; y += 400) { scrollTo(0, y); await new Promise(r => setTimeout(r, 100)); } scrollTo(0, 0); });
    await p.waitForTimeout(1500);
    const png = await p.screenshot({ fullPage: true });
    writeFileSync(`/tmp/s4-shots/${name}-${js ? 'js' : 'nojs'}-${port}.png`, png);
    shots.push(png);
    await ctx.close();
  }
  console.log(name, js ? 'js' : 'nojs', shots[0].equals(shots[1]) ? 'identical' : `DIFFERENT (${shots[0].length} vs ${shots[1].length} bytes)`);
}
await b.close();
