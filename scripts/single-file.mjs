// Turns a Trunk build of offline.html into ONE self-contained HTML file that works opened from
// disk (file://) with no network: the stylesheet and the wasm-bindgen glue inlined, the .wasm
// inlined once as gzip + base64 and started with the glue's initSync after DecompressionStream
// inflates it. The PDF reader's module (written next to the app by the Trunk hook) is inlined
// too, as text that runs only when the first PDF is dropped (`baogaoLoadPdf`).
//
//   node scripts/single-file.mjs <trunk dist dir> <output .html>
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const [dist, out] = process.argv.slice(2);
if (!dist || !out) {
  console.error('usage: node scripts/single-file.mjs <trunk dist dir> <output .html>');
  process.exit(64);
}
const index = readFileSync(join(dist, 'index.html'), 'utf8');
const find = (re, what) => {
  const m = index.match(re);
  if (!m) throw new Error(`${what} not found in ${join(dist, 'index.html')}`);
  return m[1].replace(/^\//, '');
};
const css = readFileSync(join(dist, find(/<link rel="stylesheet" href="([^"]+\.css)"/, 'stylesheet')), 'utf8');
const glue = readFileSync(join(dist, find(/import init, \* as bindings from '([^']+\.js)'/, 'wasm-bindgen glue')), 'utf8');
const wasm = readFileSync(join(dist, find(/module_or_path: '([^']+\.wasm)'/, '.wasm')));
if (!/function initSync\(/.test(glue)) throw new Error('the glue has no initSync');
const pdfGlue = readFileSync(join(dist, 'baogao-pdf.js'), 'utf8');
const pdfWasm = readFileSync(join(dist, 'baogao-pdf_bg.wasm'));
if (!/let baogao_pdf\b/.test(pdfGlue)) throw new Error('baogao-pdf.js is not the no-modules build with the global baogao_pdf');
const pdfPacked = gzipSync(pdfWasm, { level: 9 }).toString('base64');

const packed = gzipSync(wasm, { level: 9 }).toString('base64');
const title = (index.match(/<title>([^<]*)<\/title>/) || [, 'Baogao'])[1];
const safe = (s) => s.replace(/<\/(script|style)/gi, '<\\/$1');
const boot = `
// Inflate an embedded module.
const inflate = async (id) => {
  const bytes = Uint8Array.from(atob(document.getElementById(id).textContent), (c) => c.charCodeAt(0));
  const inflated = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(inflated).arrayBuffer();
};
// The PDF reader: its glue runs as a classic script (defining the global baogao_pdf) and its
// module starts when the app asks for it, the first time a PDF is dropped.
let pdfStarted = null;
globalThis.baogaoLoadPdf = () => {
  pdfStarted ??= (async () => {
    const script = document.createElement('script');
    script.textContent = document.getElementById('baogao-pdf-js').textContent;
    document.head.append(script);
    baogao_pdf.initSync({ module: await inflate('baogao-pdf-wasm') });
  })();
  return pdfStarted;
};
// Start the app.
initSync({ module: await inflate('baogao-wasm') });
`;
const html = `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${safe(css)}</style>
<script type="application/octet-stream" id="baogao-wasm">${packed}</script>
<script type="application/octet-stream" id="baogao-pdf-wasm">${pdfPacked}</script>
<script type="text/plain" id="baogao-pdf-js">${safe(pdfGlue)}</script>
<script type="module">${safe(glue)}
${boot}</script>
</head>
<body>
<noscript>本工具需要启用 JavaScript 与 WebAssembly。This tool needs JavaScript and WebAssembly.</noscript>
</body>
</html>
`;
writeFileSync(out, html);
console.log(`${out}: ${Buffer.byteLength(html)} bytes (.wasm ${wasm.length} bytes, gzip ${Buffer.from(packed, 'base64').length}, base64 ${packed.length}; PDF module ${pdfWasm.length} bytes, gzip ${Buffer.from(pdfPacked, 'base64').length})`);
