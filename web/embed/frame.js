// The page inside an iframe for portals that keep Baogao isolated: the element, plus a
// postMessage protocol with the embedding page.
//
//   parent → frame   { type: 'baogao:analyze', text: '…' }  or  { type: 'baogao:analyze', bytes: Uint8Array, name: 'a.docx' }
//   frame  → parent  { type: 'baogao:ready', version }
//                    { type: 'baogao:analyzed', analysis }   (also after the user analyses in the frame)
//                    { type: 'baogao:error', message }
//
// `?lang=en&panels=findings` in the frame's address set the element's attributes;
// `?parent=https://portal.example` names the embedding page's origin (else the browser's
// `ancestorOrigins` or the referrer tell it). Analyses go to that origin, or to the origin of the
// page that asked, never to any origin: a draft analysed in the frame may be confidential.
import { ready, version } from './baogao-analyzer.js';

const element = document.querySelector('baogao-analyzer');
const params = new URLSearchParams(location.search);
for (const key of ['lang', 'panels']) {
  if (params.has(key)) element.setAttribute(key, params.get(key));
}
document.documentElement.lang = element.language === 'en' ? 'en' : 'zh-CN';

/** The embedding page's origin, when it can be known. */
function parentOrigin() {
  const named = params.get('parent');
  if (named) {
    try { return new URL(named).origin; } catch { return null; }
  }
  if (location.ancestorOrigins?.length) return location.ancestorOrigins[0];
  if (document.referrer) {
    try { return new URL(document.referrer).origin; } catch { return null; }
  }
  return null;
}

// Answers go to the page that asked; the frame's own analyses go to the parent, if its origin
// is known.
let asker = { source: window.parent, origin: parentOrigin() };

element.addEventListener('baogao-analyzed', (e) => {
  if (asker.source && asker.origin) {
    asker.source.postMessage({ type: 'baogao:analyzed', analysis: e.detail }, asker.origin);
  }
});

window.addEventListener('message', (e) => {
  const m = e.data;
  if (!m || m.type !== 'baogao:analyze') return;
  // A page with an opaque origin (a sandboxed frame, a file) can only be answered through its
  // own window object, whatever its origin: `'*'` then reaches that window alone.
  asker = { source: e.source, origin: e.origin === 'null' ? '*' : e.origin };
  const input = typeof m.text === 'string' ? m.text : m.bytes instanceof Uint8Array ? m.bytes : null;
  if (input === null) {
    e.source?.postMessage({ type: 'baogao:error', message: '消息须含 text（字符串）或 bytes（Uint8Array）/ The message needs text or bytes' }, asker.origin);
    return;
  }
  element.analyze(input, m.name ? { name: m.name } : undefined).catch((err) => {
    e.source?.postMessage({ type: 'baogao:error', message: err instanceof Error ? err.message : String(err) }, asker.origin);
  });
});

await ready;
window.parent.postMessage({ type: 'baogao:ready', version: version() }, '*');
