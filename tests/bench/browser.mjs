// Browser benchmark of the built app (dist/): cold start (navigation to the first analysis on
// screen), time from choosing each corpus report to its analysis on screen (reading, decoding,
// analysing in wasm and rendering), and the page's JS heap; then the portal package's wasm API
// alone (module start, segmenter build, analysis per report). Prints a Markdown table.
//   scripts/build-web && node tests/bench/browser.mjs
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { existsSync, readdirSync } from 'node:fs';
import { launch } from '../e2e/helpers.mjs';
import { serve } from '../e2e/serve.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const corpus = join(root, '..', 'shared', 'corpus');
const runs = Number(process.env.RUNS ?? 5);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const server = await serve(join(root, 'dist'));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await launch();

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

// The JavaScript API in wasm (the portal package, target/embed): module start, segmenter
// build, and analysis of each corpus report (text already decoded), timed inside the page.
const embed = join(root, 'target', 'embed');
if (existsSync(join(embed, 'baogao', 'baogao_bg.wasm'))) {
  const embedServer = await serve(embed);
  const embedPage = await (await browser.newContext()).newPage();
  await embedPage.goto(`http://127.0.0.1:${embedServer.address().port}/examples/portal.html`);
  const { readFileSync } = await import('node:fs');
  const texts = files.map((f) => readFileSync(join(corpus, f), 'utf8'));
  // The built-in sample report: the seed-sized report a first visit analyses.
  const sample = readFileSync(join(root, 'web', 'sample-report.txt'), 'utf8');
  const timing = await embedPage.evaluate(async ({ texts, runs, sample }) => {
    const t0 = performance.now();
    const api = await import('/baogao/baogao.js');
    await api.default();
    const t1 = performance.now();
    api.warmUp();
    const t2 = performance.now();
    api.analyze('一、成效\n办理行政复议案件12件。');
    const t3 = performance.now();
    const medianOf = (text, n) => {
      const times = [];
      for (let i = 0; i < n; i++) { const a = performance.now(); api.analyze(text); times.push(performance.now() - a); }
      return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
    };
    const seed = medianOf(sample, Math.max(runs, 11));
    const per = texts.map((text) => medianOf(text, runs));
    return { start: t1 - t0, segmenter: t2 - t1, first: t3 - t2, seed, per };
  }, { texts, runs, sample });
  rows.push(['wasm API: warmUp (every table built)', `${timing.segmenter.toFixed(1)} ms`]);
  rows.push(['wasm API: first analysis after warmUp', `${timing.first.toFixed(1)} ms`]);
  rows.push([`wasm API: the built-in sample report analysed (${sample.length} chars, median)`, `${timing.seed.toFixed(1)} ms`]);
  files.forEach((f, i) => rows.push([`wasm API: ${f} analysed (${texts[i].length} chars)`, `${timing.per[i].toFixed(1)} ms`]));
  // The PDF module (loaded on the first PDF): its start, and reading the sample report's PDF
  // (target/fixtures, GBK-EUC-H without ToUnicode, compressed) per page.
  const pdfPath = join(root, 'target', 'fixtures', 'sample.pdf');
  if (existsSync(pdfPath)) {
    const pdf = [...readFileSync(pdfPath)];
    const pages = (readFileSync(pdfPath, 'latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
    const t = await embedPage.evaluate(async ({ pdf, runs }) => {
      const t0 = performance.now();
      const reader = await import('/baogao/baogao-pdf.js');
      await reader.default();
      const start = performance.now() - t0;
      const bytes = new Uint8Array(pdf);
      const times = [];
      for (let i = 0; i < Math.max(runs, 11); i++) {
        const a = performance.now();
        reader.readPdf('sample.pdf', bytes);
        times.push(performance.now() - a);
      }
      return { start, read: times.sort((a, b) => a - b)[Math.floor(times.length / 2)] };
    }, { pdf, runs });
    rows.push(['PDF module: fetched and started (first PDF)', `${t.start.toFixed(1)} ms`]);
    rows.push([`PDF module: the sample report's PDF read (${pages} pages, median)`, `${t.read.toFixed(1)} ms (${(t.read / Math.max(pages, 1)).toFixed(1)} ms per page)`]);
  }
  embedServer.close();
}
await browser.close();
server.close();

console.log(`| measure (median of ${runs}) | value |\n|---|---|`);
for (const [k, v] of rows) console.log(`| ${k} | ${v} |`);
