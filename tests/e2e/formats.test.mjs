// The binary formats in every browser build: a .doc, a .wps and an .ofd (the built-in sample report
// written by the test suite's own writers into target/fixtures, see tests/examples/format_fixtures.rs)
// chosen in the hosted app, in the single file opened from file:// and in the portal element.
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
const FILES = ['sample.doc', 'sample.wps', 'sample.ofd'];

let browser, app, embed;
before(async () => {
  for (const f of FILES) assert.ok(existsSync(join(fixtures, f)), `${f} is written (cargo run -p baogao-tests --example format_fixtures -- target/fixtures)`);
  browser = await launch();
  app = await serve(join(root, 'dist'));
  embed = await serve(join(root, 'target', 'embed'), { headers: { 'content-security-policy': CSP } });
});
after(async () => { await browser?.close(); app?.close(); embed?.close(); });

const origin = (server) => `http://127.0.0.1:${server.address().port}`;

async function chooseEach(page) {
  for (const name of FILES) {
    await page.setInputFiles('#files', join(fixtures, name));
    await page.waitForSelector(`.report-chip.active >> text=${name}`);
    await page.click('role=tab[name="概览"]');
    const overview = await page.textContent('.overview');
    assert.ok(overview.includes(TITLE), `${name}: the title is read`);
    assert.match(overview, /五、2025年工作安排/, `${name}: the outline is read`);
    assert.match(overview, /行政复议纠错率/, `${name}: the indicators are read`);
  }
}

test('the hosted app reads a .doc, a .wps and an .ofd', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(origin(app));
  await page.waitForSelector('.overview');
  await chooseEach(page);
  await context.close();
});

test('the single file from file:// reads a .doc, a .wps and an .ofd, offline', { skip: !existsSync(single) && 'no single-file build' }, async () => {
  const context = await browser.newContext({ offline: true });
  const page = await context.newPage();
  await page.goto(pathToFileURL(single).href);
  await page.waitForSelector('.overview');
  await chooseEach(page);
  await context.close();
});

test('the portal element reads a .doc, a .wps and an .ofd', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${origin(embed)}/examples/portal.html`);
  for (const name of FILES) {
    const event = page.evaluate(() => new Promise((resolve) => {
      document.addEventListener('baogao-analyzed', (e) => resolve({ title: e.detail.metadata.title, format: e.detail.source.format }), { once: true });
    }));
    await page.setInputFiles('baogao-analyzer input[type=file]', { name, mimeType: 'application/octet-stream', buffer: readFileSync(join(fixtures, name)) });
    const detail = await event;
    assert.equal(detail.title, TITLE, name);
    assert.equal(detail.format, name.endsWith('.ofd') ? 'ofd' : 'doc', name);
  }
  await context.close();
});
