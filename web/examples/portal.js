// The portal listens for the analyzer's event and shows its own summary line.
document.addEventListener('baogao-analyzed', (e) => {
  const a = e.detail;
  const errors = a.findings.filter((f) => f.severity === 'error').length;
  document.getElementById('portal-summary').textContent =
    `自查完成：${a.metadata.title ?? a.source.name}，发现 ${a.findings.length} 个问题（其中错误 ${errors} 个）。`;
});
