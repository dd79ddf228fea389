// PDFs as portals publish them: each corpus report laid out as a page (a CJK system font, body
// paragraphs indented two characters, lines wrapped by Chromium's own line breaker) and printed
// by headless Chromium, which embeds TrueType subsets with ToUnicode maps. Each PDF is read in
// the browser by the PDF module of the portal package and analysed by its wasm API; the result
// must hold the same metadata, outline, parts and statistics as the analysis of the report's
// .txt, and the same title as the report's gold.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { launch } from './helpers.mjs';
import { serve } from './serve.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const corpus = join(root, '..', 'shared', 'corpus');
const embedDir = join(root, 'target', 'embed');

let browser, embed;
before(async () => {
  browser = await launch();
  embed = await serve(embedDir);
});
after(async () => { await browser?.close(); embed?.close(); });

/** The report as a printable page: one paragraph per line, blank lines kept. */
function page(text) {
  const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const body = text.split(/\r?\n/)
    .map((line) => (line.trim() ? `<p>${escape(line)}</p>` : '<p>&nbsp;</p>'))
    .join('\n');
  return `<!doctype html><meta charset="utf-8"><style>
    body { font-family: 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', sans-serif; font-size: 16pt; line-height: 1.6; }
    p { margin: 0; text-indent: 2em; }
  </style>${body}`;
}

/** What must not change between the .txt and the printed PDF. */
function essentials(a) {
  const headings = (sections) => sections.flatMap((s) => [s.heading, ...headings(s.children ?? [])]);
  return {
    metadata: a.metadata,
    headings: headings(a.sections),
    parts: a.parts,
    quantities: a.quantities.map((q) => [q.text, q.value, q.unit ?? null, q.kind]),
  };
}

test('corpus reports printed by Chromium read back in the browser as their text does', { skip: !existsSync(corpus) && 'no ../shared/corpus' }, async () => {
  const names = readdirSync(corpus).filter((f) => f.endsWith('.txt')).sort();
  assert.equal(names.length, 5);
  const context = await browser.newContext();
  const printer = await context.newPage();
  const reader = await context.newPage();
  await reader.goto(`http://127.0.0.1:${embed.address().port}/examples/portal.html`);
  await reader.evaluate(async () => {
    const api = await import('/baogao/baogao.js');
    await api.default();
    const pdf = await import('/baogao/baogao-pdf.js');
    await pdf.default();
    window.readBack = (name, bytes, text) => {
      const fromPdf = api.analyze(pdf.readPdf(name, new Uint8Array(bytes)), { name });
      const fromText = api.analyze(text, { name });
      return { fromPdf, fromText };
    };
  });
  for (const name of names) {
    const text = readFileSync(join(corpus, name), 'utf8');
    const gold = JSON.parse(readFileSync(join(corpus, name.replace('.txt', '.expected.json')), 'utf8'));
    await printer.setContent(page(text));
    const pdf = await printer.pdf({ format: 'A4', margin: { top: '25mm', bottom: '25mm', left: '28mm', right: '26mm' } });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
    assert.ok(pages >= 2, `${name}: printed on ${pages} pages`);
    const { fromPdf, fromText } = await reader.evaluate(
      ({ name, bytes, text }) => window.readBack(name.replace('.txt', '.pdf'), bytes, text),
      { name, bytes: [...pdf], text },
    );
    assert.equal(fromPdf.metadata.title, gold.title, `${name}: the gold title`);
    assert.deepEqual(essentials(fromPdf), essentials(fromText), `${name}: the PDF reads as the text`);
  }
  await context.close();
});
