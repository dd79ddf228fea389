// The portal side of the iframe variant: send a report, show what comes back.
const frame = document.getElementById('baogao');
const summary = document.getElementById('portal-summary');
const SAMPLE = '临江市人民政府关于2025年度法治政府建设情况的报告\n一、主要成效\n全年办理行政复议案件120件,纠错率为10%。\n二、存在的不足\n基层执法力量薄弱。\n三、2026年工作安排\n深化行政执法三项制度。';

window.addEventListener('message', (e) => {
  if (e.source !== frame.contentWindow) return;
  const m = e.data;
  if (m?.type === 'baogao:ready') summary.textContent = `Baogao ${m.version} 已就绪`;
  if (m?.type === 'baogao:analyzed') summary.textContent = `框架返回：${m.analysis.metadata.title ?? m.analysis.source.name}，${m.analysis.findings.length} 个问题`;
  if (m?.type === 'baogao:error') summary.textContent = `出错：${m.message}`;
});

document.getElementById('send').addEventListener('click', () => {
  frame.contentWindow.postMessage({ type: 'baogao:analyze', text: SAMPLE }, location.origin);
});
