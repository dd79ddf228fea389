// Register the service worker of the hosted app (not from disk, where browsers allow none).
if ('serviceWorker' in navigator && /^https?:$/.test(location.protocol)) {
  navigator.serviceWorker.register('sw.js').catch((e) => console.warn('Baogao: offline use unavailable:', e));
}
