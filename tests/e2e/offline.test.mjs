// The single-file build opened from disk (file://) with the network cut: it opens on the sample
// report, analyses pasted text and a chosen file, and makes no request at all.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dropFile, expectCorpusReport, launch } from './helpers.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const single = join(root, 'target', 'offline', 'baogao-offline.html');
const corpus = join(root, '..', 'shared', 'corpus');
const shots = join(root, 'target', 'screenshots');

let browser;
before(async () => {
  assert.ok(existsSync(single), 'the single file is built (scripts/build-web)');
  browser = await launch();
});
after(async () => { await browser?.close(); });

async function open() {
  const context = await browser.newContext({ offline: true });
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const url = pathToFileURL(single).href;
  const started = Date.now();
  await page.goto(url);
  await page.waitForSelector('.overview');
  const firstAnalysis = Date.now() - started;
  return { context, page, requests, url, firstAnalysis };
}

test('the single file opens from disk on the analysed sample, with no request', async () => {
  const { context, page, requests, url, firstAnalysis } = await open();
  console.log(`# file:// to first analysis on screen: ${firstAnalysis} ms`);
  assert.match(await page.textContent('.overview'), /临江市人民政府关于临江市2024年度法治政府建设情况的报告/);
  assert.deepEqual(requests.filter((u) => u !== url && !u.startsWith('data:') && !u.startsWith('blob:')), [], 'no request but the file itself');
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: join(shots, 'offline-single-file.png') });
  await context.close();
});

test('pasted text is analysed in the single file', async () => {
  const { context, page } = await open();
  await page.fill('#draft', '甲县人民政府关于2024年度法治政府建设情况的报告\n一、主要成效\n办理行政复议案件30件,纠错率为10%。\n二、存在的不足\n基层力量薄弱。');
  await page.waitForFunction(() => document.querySelector('.overview')?.textContent.includes('甲县人民政府关于2024年度法治政府建设情况的报告'));
  await page.click('role=tab[name="检查结果"]');
  await page.waitForSelector('.findings');
  assert.match(await page.textContent('.findings'), /半角|逗号/);
  await context.close();
});

test('a chosen file and a dropped file are analysed in the single file', async () => {
  const { context, page, requests, url } = await open();
  const text = '乙县人民政府关于2024年度法治政府建设情况的报告\n一、主要成效\n行政复议案件30件。\n二、下一步工作安排\n继续推进。';
  await page.setInputFiles('#files', { name: '乙县.txt', mimeType: 'text/plain', buffer: Buffer.from(text) });
  await page.waitForSelector('.report-chip.active >> text=乙县.txt');
  const outline = await page.textContent('.outline');
  assert.ok(outline.includes('一、主要成效') && outline.includes('二、下一步工作安排'), outline);
  await dropFile(page, '丙县.txt', '丙县2024年法治政府建设情况的报告\n一、主要举措和成效\n办理行政复议案件8件。\n二、存在的不足和原因\n力量薄弱。');
  await page.waitForSelector('.report-chip.active >> text=丙县.txt');
  assert.match(await page.textContent('.outline'), /二、存在的不足和原因/);
  assert.deepEqual(requests.filter((u) => u !== url && !u.startsWith('data:') && !u.startsWith('blob:')), []);
  await context.close();
});

test('each corpus report dropped on the single file shows its outline and findings', { skip: !existsSync(corpus) && 'no ../shared/corpus' }, async () => {
  const { context, page, requests, url } = await open();
  for (const name of readdirSync(corpus).filter((f) => f.endsWith('.txt')).sort()) {
    await expectCorpusReport(page, corpus, name);
  }
  assert.deepEqual(requests.filter((u) => u !== url && !u.startsWith('data:') && !u.startsWith('blob:')), []);
  await context.close();
});
