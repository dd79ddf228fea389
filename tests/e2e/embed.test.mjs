// The portal package: the <baogao-analyzer> element on an example portal page served with a
// strict Content-Security-Policy, and the iframe variant talking over postMessage.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { CSP, launch } from './helpers.mjs';
import { serve } from './serve.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const embed = join(root, 'target', 'embed');
const shots = join(root, 'target', 'screenshots');
const require = createRequire(import.meta.url);


let server, browser, origin;
before(async () => {
  assert.ok(existsSync(join(embed, 'baogao', 'baogao_bg.wasm')), 'the package is built (scripts/build-web)');
  server = await serve(embed, { headers: { 'content-security-policy': CSP } });
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await launch();
});
after(async () => { await browser?.close(); server?.close(); });

async function open(path, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const foreign = [];
  const violations = [];
  page.on('request', (r) => { if (!r.url().startsWith(origin)) foreign.push(r.url()); });
  page.on('console', (m) => { if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text()); });
  page.on('pageerror', (e) => violations.push(`page error: ${e.message}`));
  const response = await page.goto(`${origin}${path}`);
  return { context, page, foreign, violations, response };
}

test('the element on a portal page under a strict CSP analyses a file and fires its event', async () => {
  const { context, page, foreign, violations, response } = await open('/examples/portal.html');
  assert.equal(response.headers()['content-security-policy'], CSP);
  const event = page.evaluate(() => new Promise((resolve) => {
    document.addEventListener('baogao-analyzed', (e) => resolve({
      title: e.detail.metadata.title, findings: e.detail.findings.map((f) => f.code), text: e.detail.text,
    }), { once: true });
  }));
  const report = '临江县人民政府关于2025年度法治政府建设情况的报告\n一、主要成效\n全年办理行政复议案件120件,纠错率为10%。\n二、存在的不足\n基层执法力量薄弱。\n三、2026年工作安排\n深化行政执法三项制度。';
  await page.setInputFiles('baogao-analyzer input[type=file]', { name: '临江县.txt', mimeType: 'text/plain', buffer: Buffer.from(report) });
  const detail = await event;
  assert.equal(detail.title, '临江县人民政府关于2025年度法治政府建设情况的报告');
  assert.ok(detail.findings.includes('P001'), `findings: ${detail.findings}`);
  assert.equal(detail.text, report);
  await page.waitForFunction(() => document.getElementById('portal-summary').textContent.includes('自查完成'));
  // The overview panel inside the shadow root, themed with the portal's colour.
  assert.match(await page.locator('baogao-analyzer [data-panel=overview]').textContent(), /临江县人民政府/);
  const accent = await page.locator('baogao-analyzer button.primary').evaluate((b) => getComputedStyle(b).backgroundColor);
  assert.equal(accent, 'rgb(155, 28, 28)', 'the portal colour reaches the element through --baogao-accent');
  await page.locator('baogao-analyzer [role=tab]', { hasText: '检查结果' }).click();
  assert.match(await page.locator('baogao-analyzer [data-panel=findings]').textContent(), /P001/);
  // The portal's own styles do not leak in: its h1/body font size rules leave the element alone.
  assert.equal(await page.locator('baogao-analyzer').evaluate((e) => e.shadowRoot.querySelectorAll('style').length), 0, 'no inline <style>');
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: join(shots, 'embed-portal.png'), fullPage: true });
  assert.deepEqual(foreign, [], 'no request leaves the portal origin');
  assert.deepEqual(violations, [], 'no CSP violation or page error');
  await context.close();
});

test('pasted text in the element, in English with only the findings panel', async () => {
  const { context, page, violations } = await open('/examples/portal.html');
  await page.locator('baogao-analyzer').evaluate((e) => { e.setAttribute('lang', 'en'); e.setAttribute('panels', 'findings'); });
  await page.fill('baogao-analyzer textarea', '一、成效\n办理案件12件,纠错3件。');
  await page.click('baogao-analyzer button.primary');
  await page.waitForSelector('baogao-analyzer [data-panel=findings]');
  assert.equal(await page.locator('baogao-analyzer [role=tab]').count(), 1);
  assert.match(await page.locator('baogao-analyzer [data-panel=findings]').textContent(), /half-width|Half-width/i);
  assert.deepEqual(violations, []);
  await context.close();
});

test('an unreadable file gets a clear error in the element', async () => {
  const { context, page } = await open('/examples/portal.html');
  await page.setInputFiles('baogao-analyzer input[type=file]', { name: '扫描件.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n') });
  await page.waitForSelector('baogao-analyzer .status.error');
  assert.match(await page.locator('baogao-analyzer .status').textContent(), /PDF/);
  await context.close();
});

test('the iframe variant answers postMessage with the analysis', async () => {
  const { context, page, foreign, violations } = await open('/examples/iframe.html');
  await page.waitForFunction(() => document.getElementById('portal-summary').textContent.includes('已就绪'));
  await page.click('#send');
  await page.waitForFunction(() => document.getElementById('portal-summary').textContent.includes('框架返回'));
  assert.match(await page.textContent('#portal-summary'), /临江市人民政府关于2025年度法治政府建设情况的报告，\d+ 个问题/);
  assert.deepEqual(foreign, []);
  assert.deepEqual(violations, []);
  await context.close();
});

test('the element has no serious or critical accessibility violations (axe-core)', async () => {
  // axe is injected as an inline script, which the strict policy would refuse: this context
  // bypasses CSP for the audit only.
  const { context, page } = await open('/examples/portal.html', { bypassCSP: true });
  await page.fill('baogao-analyzer textarea', '一、主要成效\n办理行政复议案件12件,纠错3件。');
  await page.click('baogao-analyzer button.primary');
  await page.waitForSelector('baogao-analyzer [data-panel=overview]');
  await page.addScriptTag({ content: readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8') });
  const result = await page.evaluate(() => window.axe.run(document.querySelector('baogao-analyzer'), { runOnly: ['wcag2a', 'wcag2aa'] }));
  const bad = result.violations.filter((v) => ['serious', 'critical'].includes(v.impact));
  assert.deepEqual(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
  await context.close();
});
