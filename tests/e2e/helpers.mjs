// What the browser suites share: launching Debian's Chromium, dropping a file as a user would,
// and checking a dropped corpus report against its gold.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export function launch() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Drop a text file on the app's drop zone with real DragEvents. */
export async function dropFile(page, name, text) {
  await page.evaluate(({ name, text }) => {
    const data = new DataTransfer();
    data.items.add(new File([text], name, { type: 'text/plain' }));
    const drop = document.querySelector('.drop');
    drop.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    drop.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, { name, text });
}

/** Drop a corpus report and check that its gold level-1 headings are in the outline and that
 *  its findings are listed. */
export async function expectCorpusReport(page, corpus, name) {
  const gold = JSON.parse(readFileSync(join(corpus, name.replace('.txt', '.expected.json')), 'utf8'));
  await dropFile(page, name, readFileSync(join(corpus, name), 'utf8'));
  await page.waitForSelector(`.report-chip.active >> text=${name}`);
  await page.click('role=tab[name="概览"]');
  const outline = await page.textContent('.outline');
  for (const section of gold.sections) assert.ok(outline.includes(section.heading), `${name}: outline shows ${section.heading}`);
  await page.click('role=tab[name="检查结果"]');
  assert.match(await page.textContent('.findings'), /中文正文使用了半角标点/, `${name}: findings listed`);
}

// The policy the portal package README gives: no 'unsafe-inline', no 'unsafe-eval'.
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; img-src 'self' data:; frame-src 'self'; object-src 'none'; base-uri 'none'";
