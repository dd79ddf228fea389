// Browser benchmark of the built app (dist/): cold start (navigation to the first analysis on
// screen), time from choosing each corpus report to its analysis on screen (reading, decoding,
// analysing in wasm and rendering), and the page's JS heap. Prints a Markdown table.
//   trunk build --release && node tests/bench/browser.mjs
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { existsSync, readdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { serve } from '../e2e/serve.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const corpus = join(root, '..', 'shared', 'corpus');
const runs = Number(process.env.RUNS ?? 5);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const server = await serve(join(root, 'dist'));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

const cold = [];
for (let i = 0; i < runs; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const t0 = Date.now();
  await page.goto(origin);
  await page.waitForSelector('.overview');
  cold.push(Date.now() - t0);
  await context.close();
}

const rows = [['cold start (navigation → sample analysed on screen)', `${median(cold)} ms`]];
const context = await browser.newContext();
const page = await context.newPage();
await page.goto(origin);
await page.waitForSelector('.overview');
const files = existsSync(corpus) ? readdirSync(corpus).filter((f) => f.endsWith('.txt')).sort() : [];
for (const file of files) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const before = await page.locator('.report-chip').count();
    const t0 = await page.evaluate(() => performance.now());
    await page.setInputFiles('#files', join(corpus, file));
    await page.waitForFunction((n) => document.querySelectorAll('.report-chip').length === n + 1, before);
    times.push((await page.evaluate(() => performance.now())) - t0);
  }
  rows.push([`${file}: chosen → analysed on screen`, `${median(times).toFixed(0)} ms`]);
}
const cdp = await context.newCDPSession(page);
await cdp.send('Performance.enable');
const { metrics } = await cdp.send('Performance.getMetrics');
const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
rows.push([`JS heap used with ${1 + files.length * runs} reports loaded`, `${(heap / 1048576).toFixed(1)} MiB`]);
await browser.close();
server.close();

console.log(`| measure (median of ${runs}) | value |\n|---|---|`);
for (const [k, v] of rows) console.log(`| ${k} | ${v} |`);
