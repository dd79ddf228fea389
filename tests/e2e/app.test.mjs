// The app in real Chromium: it opens on the sample report, shows its outline and findings, reads
// dropped files, applies a fix, keeps the draft over a reload, and asks for nothing off its origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dropFile, expectCorpusReport, launch } from './helpers.mjs';
import { serve } from './serve.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const dist = join(root, 'dist');
const corpus = join(root, '..', 'shared', 'corpus');

let server, browser, origin;
const shots = join(root, 'target', 'screenshots');

/** Save a full-page screenshot under target/screenshots/. */
async function shot(page, name) {
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}
const offOrigin = [];

before(async () => {
  assert.ok(existsSync(join(dist, 'index.html')), 'dist/ is built (trunk build --release)');
  server = await serve(dist);
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.close();
  assert.deepEqual(offOrigin, [], 'no request leaves the page origin');
});

async function open() {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('request', (r) => { if (!r.url().startsWith(origin) && !r.url().startsWith(`blob:${origin}`) && !r.url().startsWith('data:')) offOrigin.push(r.url()); });
  await page.goto(origin);
  await page.waitForSelector('.overview');
  return { context, page };
}

test('opens on the sample report with its metadata, parts and outline', async () => {
  const { context, page } = await open();
  const text = await page.textContent('.overview');
  assert.match(text, /临江市人民政府关于临江市2024年度法治政府建设情况的报告/);
  assert.match(text, /五、2025年工作安排/);
  assert.match(text, /行政复议纠错率/);
  await context.close();
});

test('lists the planted findings and applies a fix to the draft', async () => {
  const { context, page } = await open();
  await page.click('role=tab[name="检查结果"]');
  const findings = await page.textContent('.findings');
  assert.match(findings, /标题序号不连续/);
  assert.match(findings, /截止/);
  await page.click('.families >> text=/^结构 /');
  assert.doesNotMatch(await page.textContent('.findings'), /截止/, 'the structure filter hides wording findings');
  await page.click('.families >> text=/^全部 /');
  await page.click('text=修改：改为“截至”');
  await page.waitForFunction(() => document.querySelector('#draft').value.includes('截至2025年底'));
  await page.waitForFunction(() => !document.querySelector('.findings')?.textContent.includes('“截止”应为'));
  await context.close();
});

test('"apply all" applies the safe fixes only; fixes needing review stay for the reader', async () => {
  const { context, page } = await open();
  const draft = '某县2024年法治政府建设情况报告\n一、主要成效\n全县推进依法行政,落实《实施方案（2021-2025年）》，加强加强行政执法监督。';
  await page.fill('#draft', draft);
  await page.click('role=tab[name="检查结果"]');
  // Wait for the new draft's findings, not the sample's.
  await page.waitForFunction(() => document.querySelector('.findings')?.textContent.includes('加强加强'));
  await page.waitForSelector('.fix-all button');
  assert.match(await page.textContent('.findings'), /需人工确认/);
  assert.match(await page.textContent('.findings'), /可直接应用/);
  await page.click('.fix-all button');
  await page.waitForFunction(() => document.querySelector('#draft').value.includes('依法行政，落实'));
  const value = await page.inputValue('#draft');
  assert.match(value, /2021—2025年/, 'the hyphenated year range is fixed');
  assert.match(value, /加强加强/, 'a doubled word (review) is not fixed in bulk');
  await context.close();
});

test('the draft, loaded reports and own terms survive a reload', async () => {
  const { context, page } = await open();
  await page.fill('#draft', '一、主要成效\n全年办理复议案件12件，推行秒批秒办。秒批秒办事项80项。');
  await page.click('.own-terms summary');
  await page.fill('#terms', '秒批秒办');
  await page.locator('#terms').blur();
  await page.setInputFiles('#files', { name: '乙县报告.txt', mimeType: 'text/plain', buffer: Buffer.from('乙县2024年法治政府建设情况的报告\n一、主要成效\n行政复议案件30件。') });
  await page.waitForSelector('.report-chip >> text=乙县报告.txt');
  await page.waitForTimeout(500);
  await page.reload();
  await page.waitForSelector('.overview');
  assert.equal(await page.inputValue('#draft'), '一、主要成效\n全年办理复议案件12件，推行秒批秒办。秒批秒办事项80项。');
  await page.waitForSelector('.report-chip >> text=乙县报告.txt');
  assert.equal(await page.inputValue('#terms'), '秒批秒办');
  await page.click('.report-chip >> nth=0 >> button');
  await page.waitForSelector('.keywords >> text=秒批秒办');
  await context.close();
});

test('each corpus report dropped shows its outline and findings, and all five compare', { skip: !existsSync(corpus) && 'no ../shared/corpus' }, async () => {
  const { context, page } = await open();
  const names = readdirSync(corpus).filter((f) => f.endsWith('.txt')).sort();
  for (const name of names) {
    await expectCorpusReport(page, corpus, name);
    await shot(page, `findings-${name.replace('.txt', '')}`);
  }
  await page.click('role=tab[name="多报告对比"]');
  const table = await page.textContent('.compare');
  for (const name of names) assert.ok(table.includes(name), `${name} in the comparison`);
  assert.match(table, /行政复议纠错率/);
  await shot(page, 'compare-all-five');
  await context.close();
});

test('an unreadable file gets its own message and the draft stays', async () => {
  const { context, page } = await open();
  const before = await page.inputValue('#draft');
  await page.setInputFiles('#files', { name: '扫描件.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]) });
  await page.waitForSelector('.errors');
  assert.match(await page.textContent('.errors'), /文件“扫描件\.png”是 PNG 图片/);
  assert.equal(await page.inputValue('#draft'), before);
  await context.close();
});

test('exports statistics as CSV with a BOM and the analysis as JSON', async () => {
  const { context, page } = await open();
  const [csv] = await Promise.all([page.waitForEvent('download'), page.click('text=导出统计 CSV')]);
  const csvPath = await csv.path();
  const bytes = (await import('node:fs')).readFileSync(csvPath);
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
  assert.match(bytes.toString('utf8'), /原文,数值,上限,单位/);
  assert.match(bytes.toString('utf8'), /23\.29%,23\.29,,%/);
  const [json] = await Promise.all([page.waitForEvent('download'), page.click('text=导出 JSON')]);
  const analysis = JSON.parse((await import('node:fs')).readFileSync(await json.path(), 'utf8'));
  assert.equal(analysis.schema_version, 1);
  assert.equal(analysis.metadata.region, '临江市');
  await context.close();
});

test('charts are SVG with Chinese labels and can be saved', async () => {
  const { context, page } = await open();
  await page.click('role=tab[name="图表"]');
  await page.waitForSelector('.charts svg');
  assert.ok((await page.locator('.charts svg').count()) >= 4);
  assert.match(await page.textContent('.charts'), /行政执法/);
  const keywordChart = await page.locator('.chart', { hasText: '关键词（按权重）' }).textContent();
  assert.match(keywordChart, /行政复议/, 'the keyword chart names the sample report\'s main theme');
  assert.doesNotMatch(keywordChart, /推进|加强|2024/, 'no boilerplate or year among the keywords');
  const [svg] = await Promise.all([page.waitForEvent('download'), page.click('text=下载 SVG：各部分篇幅（字数）')]);
  const markup = (await import('node:fs')).readFileSync(await svg.path(), 'utf8');
  assert.match(markup, /^<\?xml[^]*<svg[^]*一、2024年法治政府建设主要/);
  const [png] = await Promise.all([page.waitForEvent('download'), page.locator('.chart').first().locator('text=下载 PNG').click()]);
  const bytes = (await import('node:fs')).readFileSync(await png.path());
  assert.deepEqual([...bytes.subarray(1, 4)], [0x50, 0x4e, 0x47], 'a PNG file');
  assert.ok(bytes.length > 2000, `PNG has content (${bytes.length} bytes)`);
  await context.close();
});

test('no serious or critical accessibility violations (axe-core, WCAG 2.1 A/AA)', async () => {
  const { createRequire } = await import('node:module');
  const require = createRequire(import.meta.url);
  const { context, page } = await open();
  const violations = [];
  for (const tabName of ['概览', '原文标注', '检查结果', '统计数字', '图表', '多报告对比']) {
    await page.click(`role=tab[name="${tabName}"]`);
    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
    const result = await page.evaluate(() => window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }));
    assert.ok(result.passes.length > 10, `axe ran its rules on ${tabName}`);
    for (const v of result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) {
      violations.push(`${tabName}: ${v.id} (${v.impact}) ${v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join(', ')}`);
    }
  }
  assert.deepEqual(violations, []);
  await context.close();
});

test('switches to English and back, remembering the choice', async () => {
  const { context, page } = await open();
  await page.click('button.lang');
  await page.waitForSelector('text=Required parts');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await page.click('role=tab[name="Findings"]');
  assert.match(await page.textContent('.findings'), /Heading out of sequence/);
  await page.reload();
  await page.waitForSelector('text=Required parts');
  await page.click('button.lang');
  await page.waitForSelector('text=规定的报告内容');
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  await context.close();
});

test('statistics sort by a column and jump to their place in the text', async () => {
  const { context, page } = await open();
  await page.click('role=tab[name="统计数字"]');
  await page.click('th >> text=数值');
  const first = await page.textContent('.statistics tbody tr:first-child td.num');
  const all = await page.$$eval('.statistics tbody td.num', (cells) => cells.map((c) => Number(c.textContent)));
  assert.equal(Number(first), Math.min(...all));
  assert.equal(await page.getAttribute('th:has-text("数值")', 'aria-sort'), 'ascending');
  await page.click('.statistics button.link >> text=23.29%');
  await page.waitForSelector('.text-view');
  await page.waitForFunction(() => document.activeElement?.tagName === 'MARK' && document.activeElement.textContent === '23.29%');
  await context.close();
});

test('usable at 360 px wide: no panel scrolls sideways', async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.goto(origin);
  await page.waitForSelector('.overview');
  for (const tabName of ['概览', '原文标注', '检查结果', '统计数字', '图表', '多报告对比']) {
    await page.click(`role=tab[name="${tabName}"]`);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 362, `${tabName} is ${width}px wide`);
  }
  await context.close();
});

test('removing a report leaves the findings ignored in a later report ignored, on that report', async () => {
  const { context, page } = await open();
  const report = (name, cases) => ({ name, mimeType: 'text/plain', buffer: Buffer.from(`乙县2024年法治政府建设情况的报告\n一、主要成效\n办理行政复议案件${cases}件,纠错3件。`) });
  await page.setInputFiles('#files', report('一.txt', 30));
  await page.waitForSelector('.report-chip.active >> text=一.txt');
  await page.setInputFiles('#files', report('二.txt', 40));
  await page.waitForSelector('.report-chip.active >> text=二.txt');
  await page.click('role=tab[name="检查结果"]');
  const shown = await page.locator('.finding').count();
  assert.ok(shown > 0, 'the report has findings');
  await page.locator('.finding').first().locator('button', { hasText: '忽略' }).click();
  await page.waitForFunction((n) => document.querySelectorAll('.finding').length < n, shown);
  const left = await page.locator('.finding').count();
  await page.click('role=button[name="移除 一.txt"]');
  await page.waitForFunction(() => !document.querySelector('.reports').textContent.includes('一.txt'));
  assert.match(await page.textContent('.report-chip.active'), /二\.txt/, 'the selection follows the report');
  assert.equal(await page.locator('.finding').count(), left, 'the ignored finding stays ignored');
  await context.close();
});

test('a file dropped on the editor is analysed', async () => {
  const { context, page } = await open();
  await dropFile(page, '拖入的报告.txt', '一、主要成效\n全年办理复议案件12件。\n二、存在问题\n三、下一步打算');
  await page.waitForSelector('text=拖入的报告.txt');
  assert.match(await page.textContent('.overview'), /二、存在问题/);
  await context.close();
});

/** A county's report of `year`: its problems part the same every year, its figures moving on. */
function countyReport(year, cases, extra = '') {
  return `甲县人民政府关于${year}年法治政府建设情况的报告

县人大常委会：
现将我县${year}年法治政府建设情况报告如下：
一、主要举措和成效
全年共受理行政复议案件${cases}件，纠错率为12.5%。全年开展普法宣传活动230场次。${extra}
二、存在的不足和原因
一是部分行政执法人员素质参差不齐，执法不规范的问题仍然存在。二是基层法治宣传教育的针对性和实效性有待进一步提高。
三、${year + 1}年工作安排
一是深化综合行政执法改革，推进行政执法三项制度全面落实。二是全面推行证明事项告知承诺制，减少群众办事证明材料。

甲县人民政府
${year + 1}年2月10日
`;
}

test('与上年对比: two years of one county pair by region and year, in either order', async () => {
  const { context, page } = await open();
  await page.click('role=tab[name="与上年对比"]');
  assert.match(await page.textContent('.last-year'), /再载入同一地区另一年度的报告/, 'the draft alone has nothing to pair with');
  // This year's first, last year's second: the pairing follows the years, not the order.
  await dropFile(page, '甲县2024.txt', countyReport(2024, 150, '综合行政执法改革向乡镇延伸，行政执法三项制度实现全覆盖。'));
  await page.waitForSelector('.report-chip >> text=甲县2024.txt');
  await dropFile(page, '甲县2023.txt', countyReport(2023, 120));
  await page.waitForSelector('.report-chip.active >> text=甲县2023.txt');
  await page.click('.report-chip >> text=甲县2024.txt');
  await page.click('role=tab[name="与上年对比"]');
  await page.waitForSelector('.last-year .pair-title');
  const panel = await page.textContent('.last-year');
  assert.match(panel, /甲县2023\.txt（2023年）→ 甲县2024\.txt（2024年）/);
  assert.match(panel, /存在的不足：100% 与上年相同/);
  assert.match(panel, /问题年年写/);
  assert.match(panel, /C001/);
  const row = await page.locator('.indicator-changes tr', { hasText: '行政复议受理数' }).textContent();
  assert.match(row, /120件.*150件.*上升.*\+30件/);
  assert.match(await page.locator('.plan.done').first().textContent(), /三项制度/);
  assert.match(await page.locator('.plan.not-mentioned').first().textContent(), /告知承诺制/);
  assert.ok(await page.locator('.reused-text mark.reused').count() >= 3, 'reused sentences are marked in the text');
  const repeated = await page.locator('.reused-text mark.repeated-figure').allTextContents();
  assert.ok(repeated.includes('230场次') && repeated.includes('12.5%') && !repeated.includes('150件'), repeated.join(' '));
  await shot(page, 'last-year');
  const [json] = await Promise.all([page.waitForEvent('download'), page.click('text=导出对比 JSON')]);
  const c = JSON.parse((await import('node:fs')).readFileSync(await json.path(), 'utf8'));
  assert.equal(c.old.year, 2023);
  assert.equal(c.problems.repeated, true);
  // Selected the other way round, the same pair.
  await page.click('.report-chip >> text=甲县2023.txt');
  await page.waitForSelector('.last-year .pair-title');
  assert.match(await page.textContent('.last-year .pair-title'), /甲县2023\.txt（2023年）→ 甲县2024\.txt（2024年）/);
  // A third year makes the indicators a time series in the multi-report comparison.
  await dropFile(page, '甲县2025.txt', countyReport(2025, 170));
  await page.waitForSelector('.report-chip >> text=甲县2025.txt');
  await page.click('role=tab[name="多报告对比"]');
  const chart = await page.locator('.series-chart', { hasText: '行政复议受理数' }).textContent();
  for (const v of ['2023', '2024', '2025', '120件', '150件', '170件']) assert.ok(chart.includes(v), `${v} in the series`);
  await shot(page, 'compare-series');
  await context.close();
});

test('screenshots of every view, in both languages and at 360 px', async () => {
  for (const [width, suffix] of [[1280, ''], [360, '-360px']]) {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    await page.goto(origin);
    await page.waitForSelector('.overview');
    for (const [tabName, file] of [['概览', 'overview'], ['原文标注', 'text'], ['检查结果', 'findings'], ['统计数字', 'statistics'], ['图表', 'charts'], ['多报告对比', 'compare'], ['与上年对比', 'last-year-empty']]) {
      await page.click(`role=tab[name="${tabName}"]`);
      await shot(page, `${file}${suffix}`);
    }
    if (!suffix) {
      await page.click('button.lang');
      await page.click('role=tab[name="Overview"]');
      await shot(page, 'overview-english');
      await page.click('button.lang');
    }
    await context.close();
  }
  assert.ok(readdirSync(shots).length >= 13);
});

test('keyboard only: Tab reaches the panels, Enter opens one, focus is visible', async () => {
  const { context, page } = await open();
  await page.focus('#draft');
  let reached = false;
  for (let i = 0; i < 60 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement?.textContent === '检查结果');
  }
  assert.ok(reached, 'the findings tab is reachable with Tab');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none', 'the focused tab shows a focus ring');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.findings');
  let fix = false;
  for (let i = 0; i < 30 && !fix; i++) {
    await page.keyboard.press('Tab');
    fix = await page.evaluate(() => document.activeElement?.textContent?.startsWith('修改：'));
  }
  assert.ok(fix, 'a fix button is reachable with Tab');
  await context.close();
});

test('the draft and files are analysed in a web worker, with progress shown meanwhile', async () => {
  const { context, page } = await open();
  const workers = page.workers().map((w) => w.url());
  page.on('worker', (w) => workers.push(w.url()));
  const big = '一、主要成效\n' + '全年办理行政复议案件219件，其中纠错51件，纠错率为23.29%。'.repeat(20000);
  const status = page.waitForSelector('.progress', { timeout: 5000 }).then(() => true).catch(() => false);
  await page.setInputFiles('#files', { name: '大文件.txt', mimeType: 'text/plain', buffer: Buffer.from(big) });
  await page.waitForSelector('.report-chip >> text=大文件.txt', { timeout: 60000 });
  assert.ok(workers.length >= 1, `a worker was started (${workers.join(', ')})`);
  assert.ok(await status, 'progress was shown while the worker ran');
  assert.equal(await page.locator('.progress').count(), 0, 'progress is gone when done');
  await context.close();
});

test('after one visit the app opens and analyses with the network off (service worker)', async () => {
  const { context, page } = await open();
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await page.waitForFunction(() => caches.keys().then((k) => k.length > 0));
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector('.overview');
  await page.fill('#draft', '甲县人民政府关于2025年度法治政府建设情况的报告\n一、主要成效\n办理行政复议案件12件,纠错3件。');
  await page.waitForFunction(() => document.querySelector('.overview')?.textContent.includes('甲县人民政府关于2025年度法治政府建设情况的报告'));
  await context.close();
});
