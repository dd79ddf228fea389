// The binary formats in every browser build: a .doc, a .wps, an .ofd, a .pdf and a GBK .txt (the
// built-in sample report written by the test suite's own writers into target/fixtures, see
// tests/examples/format_fixtures.rs; GBK is decoded by the browser's TextDecoder) chosen in the hosted app, in the single file opened from
// file:// and in the portal element. The PDF reader is a module of its own: the network log shows
// it fetched only once a PDF is given, and a scanned PDF says it needs OCR.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import { CSP, launch } from './helpers.mjs';
import { serve } from './serve.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const fixtures = join(root, 'target', 'fixtures');
const single = join(root, 'target', 'offline', 'baogao-offline.html');
const TITLE = '临江市人民政府关于临江市2024年度法治政府建设情况的报告';
const FILES = ['sample.doc', 'sample.wps', 'sample.ofd', 'sample-gbk.txt'];
const PDF_MODULE = /baogao-pdf(_bg\.wasm|\.js)$/;

let browser, app, embed;
before(async () => {
  for (const f of [...FILES, 'sample.pdf', 'scanned.pdf']) assert.ok(existsSync(join(fixtures, f)), `${f} is written (cargo run -p baogao-tests --example format_fixtures -- target/fixtures)`);
  browser = await launch();
  app = await serve(join(root, 'dist'));
  embed = await serve(join(root, 'target', 'embed'), { headers: { 'content-security-policy': CSP } });
});
after(async () => { await browser?.close(); app?.close(); embed?.close(); });

const origin = (server) => `http://127.0.0.1:${server.address().port}`;

/** Every request the context makes (pages, workers), by path. */
function networkLog(context) {
  const log = [];
  context.on('request', (r) => log.push(new URL(r.url()).pathname));
  return log;
}

async function chooseEach(page, names = FILES) {
  for (const name of names) {
    await page.setInputFiles('#files', join(fixtures, name));
    await page.waitForSelector(`.report-chip.active >> text=${name}`);
    await page.click('role=tab[name="概览"]');
    const overview = await page.textContent('.overview');
    assert.ok(overview.includes(TITLE), `${name}: the title is read`);
    assert.match(overview, /五、2025年工作安排/, `${name}: the outline is read`);
    assert.match(overview, /行政复议纠错率/, `${name}: the indicators are read`);
  }
}

/** Choose the scanned PDF and expect the message that it needs OCR, the draft kept. */
async function scannedPdfRefused(page) {
  const draft = await page.inputValue('#draft');
  await page.setInputFiles('#files', join(fixtures, 'scanned.pdf'));
  await page.waitForSelector('.errors >> text=scanned.pdf');
  assert.match(await page.textContent('.errors'), /没有文字层.*文字识别（OCR）/);
  assert.equal(await page.inputValue('#draft'), draft, 'the draft stays');
}

test('the hosted app reads a .doc, a .wps, an .ofd and a .pdf, fetching the PDF reader only for the PDF', async () => {
  const context = await browser.newContext();
  const log = networkLog(context);
  const page = await context.newPage();
  await page.goto(origin(app));
  await page.waitForSelector('.overview');
  await chooseEach(page);
  assert.deepEqual(log.filter((p) => PDF_MODULE.test(p)), [], 'no PDF module before a PDF');
  await chooseEach(page, ['sample.pdf']);
  const fetched = log.filter((p) => PDF_MODULE.test(p));
  assert.ok(fetched.some((p) => p.endsWith('.js')) && fetched.some((p) => p.endsWith('.wasm')), `the PDF module fetched: ${fetched}`);
  await scannedPdfRefused(page);
  await context.close();
});

test('the single file from file:// reads a .doc, a .wps, an .ofd and a .pdf, offline', { skip: !existsSync(single) && 'no single-file build' }, async () => {
  const context = await browser.newContext({ offline: true });
  const log = networkLog(context);
  const page = await context.newPage();
  await page.goto(pathToFileURL(single).href);
  await page.waitForSelector('.overview');
  await chooseEach(page, [...FILES, 'sample.pdf']);
  await scannedPdfRefused(page);
  assert.deepEqual(log.filter((p) => !p.endsWith('.html')), [], 'nothing but the file itself is requested');
  await context.close();
});

test('the portal element reads a .doc, a .wps, an .ofd and a .pdf, fetching the PDF reader only for the PDF', async () => {
  const context = await browser.newContext();
  const log = networkLog(context);
  const page = await context.newPage();
  await page.goto(`${origin(embed)}/examples/portal.html`);
  for (const name of [...FILES, 'sample.pdf']) {
    if (name.endsWith('.pdf')) assert.deepEqual(log.filter((p) => PDF_MODULE.test(p)), [], 'no PDF module before a PDF');
    const event = page.evaluate(() => new Promise((resolve) => {
      document.addEventListener('baogao-analyzed', (e) => resolve({ title: e.detail.metadata.title, format: e.detail.source.format, encoding: e.detail.source.encoding }), { once: true });
    }));
    await page.setInputFiles('baogao-analyzer input[type=file]', { name, mimeType: 'application/octet-stream', buffer: readFileSync(join(fixtures, name)) });
    const detail = await event;
    assert.equal(detail.title, TITLE, name);
    if (name.endsWith('.txt')) assert.equal(detail.encoding, 'GB18030', `${name}: decoded by the browser's TextDecoder`);
    assert.equal(detail.format, name.slice(name.lastIndexOf('.') + 1).replace('wps', 'doc').replace('txt', 'text'), name);
  }
  assert.equal(log.filter((p) => PDF_MODULE.test(p)).length, 2, 'the PDF module (glue and wasm) fetched once');
  await page.setInputFiles('baogao-analyzer input[type=file]', { name: 'scanned.pdf', mimeType: 'application/pdf', buffer: readFileSync(join(fixtures, 'scanned.pdf')) });
  await page.waitForSelector('baogao-analyzer .status.error');
  assert.match(await page.textContent('baogao-analyzer .status'), /文字识别/);
  await context.close();
});
