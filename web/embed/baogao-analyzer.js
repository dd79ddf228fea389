// <baogao-analyzer>: Baogao as a custom element for government portals.
//
//   <script type="module" src="/baogao/baogao-analyzer.js"></script>
//   <baogao-analyzer lang="zh" panels="overview findings statistics keywords"></baogao-analyzer>
//
// The element reads pasted text or a chosen file (.txt in any encoding, .html, .docx, .doc, .wps, .ofd, .pdf), analyses it
// in this browser with baogao_bg.wasm (next to this file) and shows the result in its shadow DOM.
// A PDF's text layer is read by the PDF module (baogao-pdf.js and baogao-pdf_bg.wasm, also next
// to this file), which is fetched the first time a PDF is given, never before.
// Every report text is shown with textContent only, never parsed as HTML. Styles are a
// constructed stylesheet (no inline <style>, so a strict Content-Security-Policy needs no
// 'unsafe-inline'); portals theme it with the CSS variables listed in README.md. When a report is
// analysed the element fires `baogao-analyzed` (bubbles, composed) with the analysis as `detail`.

import init, { analyze, labels, version } from './baogao.js';

// The names of parts and severities come from core (`labels()`), so they read as in the app.
let LABELS = null;
const ready = init().then(() => { LABELS = labels(); });

/** Whether the bytes are a PDF (`%PDF-` within the first kilobyte). */
function isPdf(bytes) {
  const head = bytes.subarray(0, 1024);
  for (let i = 0; i + 5 <= head.length; i++) {
    if (head[i] === 0x25 && head[i + 1] === 0x50 && head[i + 2] === 0x44 && head[i + 3] === 0x46 && head[i + 4] === 0x2d) return true;
  }
  return false;
}

let pdfModule = null;
/** The PDF module, fetched and started on first use (a failed load is tried again next time). */
function pdfReader() {
  pdfModule ??= import('./baogao-pdf.js')
    .then(async (m) => { await m.default(); return m; })
    .catch((e) => { pdfModule = null; throw e; });
  return pdfModule;
}

const PANELS = ['overview', 'findings', 'statistics', 'keywords'];

const TEXT = {
  zh: {
    label: '粘贴报告全文', choose: '选择文件…', run: '分析', working: '正在分析…',
    done: (a) => `已分析“${a.source.name}”：${a.sections.length} 个部分，${a.quantities.length} 个统计数字，${a.findings.length} 个问题。`,
    empty: '请先粘贴报告或选择文件。',
    overview: '概览', findings: '检查结果', statistics: '统计数字', keywords: '关键词',
    meta: { title: '标题', issuer: '发文单位', region: '地区', report_year: '报告年度', doc_number: '文号', signed_date: '成文日期' },
    present: '有', missing: '缺少', none: '没有发现问题。',
    columns: ['原文', '数值', '单位', '含义'],
    policy: '政策术语',
  },
  en: {
    label: 'Paste the report', choose: 'Choose a file…', run: 'Analyse', working: 'Analysing…',
    done: (a) => `Analysed “${a.source.name}”: ${a.sections.length} sections, ${a.quantities.length} statistics, ${a.findings.length} findings.`,
    empty: 'Paste a report or choose a file first.',
    overview: 'Overview', findings: 'Findings', statistics: 'Statistics', keywords: 'Keywords',
    meta: { title: 'Title', issuer: 'Issuer', region: 'Region', report_year: 'Year reported', doc_number: 'Document number', signed_date: 'Signed' },
    present: 'present', missing: 'missing', none: 'No findings.',
    columns: ['As written', 'Value', 'Unit', 'Measures'],
    policy: 'policy term',
  },
};

const STYLE = `
:host { display: block; font-family: var(--baogao-font, system-ui, "Noto Sans CJK SC", "Microsoft YaHei", sans-serif);
  color: var(--baogao-ink, #1d2733); background: var(--baogao-bg, #fff); border: 1px solid var(--baogao-line, #d6dbe1);
  border-radius: var(--baogao-radius, 6px); padding: 1rem; line-height: 1.6; }
:host([hidden]) { display: none; }
* { box-sizing: border-box; }
label.title { display: block; font-weight: 600; margin-bottom: .3rem; }
textarea { width: 100%; min-height: 9rem; font: inherit; padding: .5rem; border: 1px solid var(--baogao-line, #d6dbe1); border-radius: 4px; }
.actions { display: flex; flex-wrap: wrap; gap: .5rem; margin: .5rem 0; align-items: center; }
button, .file { font: inherit; cursor: pointer; border-radius: 4px; padding: .35rem .9rem; border: 1px solid var(--baogao-accent, #1558b0); }
button.primary { background: var(--baogao-accent, #1558b0); color: var(--baogao-accent-ink, #fff); }
.file { background: transparent; color: var(--baogao-accent, #1558b0); }
button:focus-visible, .file:focus-within, textarea:focus-visible, [role=tab]:focus-visible { outline: 3px solid var(--baogao-focus, #f0a800); outline-offset: 2px; }
input[type=file] { position: absolute; width: 1px; height: 1px; opacity: 0; }
.status { min-height: 1.6em; color: var(--baogao-muted, #5b6673); }
.status.error { color: var(--baogao-error, #b3261e); font-weight: 600; }
[role=tablist] { display: flex; flex-wrap: wrap; gap: .25rem; border-bottom: 1px solid var(--baogao-line, #d6dbe1); margin-top: .5rem; }
[role=tab] { border: 1px solid transparent; border-bottom: none; background: transparent; color: inherit; border-radius: 4px 4px 0 0; }
[role=tab][aria-selected=true] { border-color: var(--baogao-line, #d6dbe1); background: var(--baogao-bg, #fff); font-weight: 600; color: var(--baogao-accent, #1558b0); }
section { padding: .75rem 0; overflow-x: auto; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 0; }
dt { color: var(--baogao-muted, #5b6673); } dd { margin: 0; }
ul { padding-left: 1.2rem; margin: .5rem 0; }
li.missing { color: var(--baogao-error, #b3261e); }
.sev { display: inline-block; min-width: 3em; font-weight: 600; }
.sev.error { color: var(--baogao-error, #b3261e); } .sev.warning { color: var(--baogao-warning, #8a5a00); }
q { color: var(--baogao-muted, #5b6673); }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; border-bottom: 1px solid var(--baogao-line, #d6dbe1); padding: .2rem .5rem; vertical-align: top; }
ol.kw { display: flex; flex-wrap: wrap; gap: .3rem .5rem; list-style: none; padding: 0; }
ol.kw li { border: 1px solid var(--baogao-line, #d6dbe1); border-radius: 4px; padding: 0 .4rem; }
ol.kw li.policy { font-weight: 600; }
.vh { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

let sheet = null;
function styles() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLE);
  }
  return sheet;
}

/** Make an element with text content (never HTML). */
function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'text') node.textContent = v;
    else if (k === 'class') node.className = v;
    else if (v !== undefined && v !== null && v !== false) node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c) node.append(c);
  return node;
}

let counter = 0;

export class BaogaoAnalyzer extends HTMLElement {
  static observedAttributes = ['lang', 'panels'];

  constructor() {
    super();
    this.attachShadow({ mode: 'open' }).adoptedStyleSheets = [styles()];
    this.id_ = `baogao-${++counter}`;
    this.analysis = null;
    this.panel = null;
  }

  /** The element's language: its `lang` attribute, else the page's. */
  get language() {
    const lang = this.getAttribute('lang') || document.documentElement.lang || 'zh';
    return lang.toLowerCase().startsWith('en') ? 'en' : 'zh';
  }

  /** The panels to show, in order, from the `panels` attribute (all when absent). */
  get panels() {
    const asked = (this.getAttribute('panels') || '').split(/[\s,]+/).filter((p) => PANELS.includes(p));
    return asked.length ? asked : PANELS;
  }

  connectedCallback() {
    this.render();
  }

  attributeChangedCallback() {
    if (this.isConnected) this.render();
  }

  /** Analyse text or a file's bytes (Uint8Array) and show the result. Resolves to the analysis. */
  async analyze(input, options) {
    const t = TEXT[this.language];
    this.setStatus(t.working);
    await ready;
    try {
      if (input instanceof Uint8Array && isPdf(input)) {
        const name = options?.name ?? 'report.pdf';
        const text = (await pdfReader()).readPdf(name, input);
        this.analysis = analyze(text, { ...options, name, format: 'pdf' });
      } else {
        this.analysis = analyze(input, options);
      }
    } catch (e) {
      const message = (this.language === 'en' ? e?.en : e?.zh) ?? (e instanceof Error ? e.message : String(e));
      this.setStatus(message, true);
      throw e;
    }
    this.setStatus(t.done(this.analysis));
    this.renderResults();
    this.dispatchEvent(new CustomEvent('baogao-analyzed', { detail: this.analysis, bubbles: true, composed: true }));
    return this.analysis;
  }

  setStatus(message, error = false) {
    const status = this.shadowRoot.querySelector('.status');
    if (status) {
      status.textContent = message;
      status.classList.toggle('error', error);
    }
  }

  render() {
    const t = TEXT[this.language];
    const root = this.shadowRoot;
    const previous = root.querySelector('textarea')?.value ?? '';
    root.replaceChildren();
    const area = el('textarea', { id: `${this.id_}-text`, spellcheck: 'false' });
    area.value = previous;
    const file = el('input', { type: 'file', accept: '.txt,.html,.htm,.docx,.doc,.wps,.ofd,.pdf,text/plain,text/html,application/pdf', 'aria-label': t.choose });
    file.addEventListener('change', async () => {
      const chosen = file.files?.[0];
      file.value = '';
      if (!chosen) return;
      const bytes = new Uint8Array(await chosen.arrayBuffer());
      this.analyze(bytes, { name: chosen.name }).catch(() => {});
    });
    const run = el('button', { type: 'button', class: 'primary', text: t.run });
    run.addEventListener('click', () => {
      if (!area.value.trim()) return this.setStatus(t.empty, true);
      this.analyze(area.value).catch(() => {});
    });
    root.append(
      el('label', { class: 'title', for: `${this.id_}-text`, text: t.label }),
      area,
      el('div', { class: 'actions' }, run, el('label', { class: 'file' }, t.choose, file)),
      el('p', { class: 'status', role: 'status', 'aria-live': 'polite' }),
      el('div', { class: 'results' }),
    );
    if (this.analysis) {
      this.setStatus(t.done(this.analysis));
      this.renderResults();
    }
  }

  renderResults() {
    const t = TEXT[this.language];
    const results = this.shadowRoot.querySelector('.results');
    const a = this.analysis;
    if (!results || !a) return;
    const panels = this.panels;
    if (!panels.includes(this.panel)) this.panel = panels[0];
    const tabs = el('div', { role: 'tablist', 'aria-label': 'Baogao' });
    for (const p of panels) {
      const tab = el('button', { type: 'button', role: 'tab', id: `${this.id_}-tab-${p}`, 'aria-selected': String(p === this.panel), 'aria-controls': `${this.id_}-panel`, text: t[p] });
      tab.addEventListener('click', () => { this.panel = p; this.renderResults(); });
      tabs.append(tab);
    }
    const panel = el('section', { role: 'tabpanel', id: `${this.id_}-panel`, 'aria-labelledby': `${this.id_}-tab-${this.panel}`, 'data-panel': this.panel });
    panel.append(...this[`panel_${this.panel}`](a, t));
    results.replaceChildren(tabs, panel);
  }

  panel_overview(a, t) {
    const meta = el('dl');
    for (const [key, label] of Object.entries(t.meta)) {
      meta.append(el('dt', { text: label }), el('dd', { text: a.metadata[key] ?? '—' }));
    }
    const parts = el('ul');
    for (const [key, names] of Object.entries(LABELS.parts)) {
      const where = a.parts[key] ?? [];
      // The fifth item, other matters, is reported only when there are any.
      if (key === 'other' && !where.length) continue;
      const label = names[this.language];
      parts.append(el('li', { class: where.length ? 'present' : 'missing', text: `${where.length ? '✓' : '✗'} ${label}：${where.length ? where.join('；') : t.missing}` }));
    }
    const indicators = el('ul');
    for (const i of a.indicators) {
      const written = a.quantities.find((q) => q.span.start === i.span.start && q.span.end === i.span.end)?.text ?? `${i.value}${i.unit ?? ''}`;
      indicators.append(el('li', { text: `${this.language === 'en' ? i.name_en : i.name}：${written}` }));
    }
    return [meta, parts, indicators];
  }

  panel_findings(a, t) {
    if (!a.findings.length) return [el('p', { text: t.none })];
    const list = el('ul', { class: 'findings' });
    for (const f of a.findings) {
      list.append(el('li', {},
        el('span', { class: `sev ${f.severity}`, text: LABELS.severities[f.severity][this.language] }), ' ',
        el('code', { text: f.code }), ' ',
        this.language === 'en' ? f.message_en : f.message, ' ',
        el('q', { text: a.text.slice(f.span.start, f.span.end) })));
    }
    return [list];
  }

  panel_statistics(a, t) {
    const table = el('table');
    table.append(el('thead', {}, el('tr', {}, ...t.columns.map((c) => el('th', { scope: 'col', text: c })))));
    const body = el('tbody');
    for (const q of a.quantities) {
      body.append(el('tr', {}, el('td', { text: q.text }), el('td', { text: String(q.value) }), el('td', { text: q.unit ?? '' }), el('td', { text: q.about })));
    }
    table.append(body);
    return [table];
  }

  panel_keywords(a, t) {
    const list = el('ol', { class: 'kw' });
    for (const k of a.keywords.slice(0, 20)) {
      list.append(el('li', { class: k.policy_term ? 'policy' : '' }, `${k.term} ×${k.count}`, k.policy_term ? el('span', { class: 'vh', text: `（${t.policy}）` }) : null));
    }
    return [list];
  }
}

if (!customElements.get('baogao-analyzer')) customElements.define('baogao-analyzer', BaogaoAnalyzer);

export { version, ready };
