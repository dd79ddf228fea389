// Baogao's service worker: after one visit the app opens and analyses with the network off.
// On install it caches the page and every file the page names (stylesheet, scripts, .wasm, the
// analysis worker); afterwards files whose names carry a content hash are served cache-first and
// everything else (the page, the worker's unhashed files) network-first, so a new release shows
// when online and the page never meets a stale worker. Only GET requests to this origin are handled.
const CACHE = 'baogao-v1';

async function precache() {
  const cache = await caches.open(CACHE);
  const index = await fetch('./', { cache: 'no-cache' });
  const html = await index.clone().text();
  await cache.put('./', index);
  const named = new Set(['baogao-worker.js', 'baogao-worker_bg.wasm']);
  for (const m of html.matchAll(/(?:href|src|module_or_path:|from)\s*=?\s*["']([^"']+\.(?:css|js|wasm))["']/g)) {
    named.add(m[1]);
  }
  await Promise.all([...named].map(async (path) => {
    const url = new URL(path, self.registration.scope);
    const response = await fetch(url, { cache: 'no-cache' });
    if (response.ok) await cache.put(url, response);
  }));
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    if (request.mode === 'navigate') {
      try {
        const fresh = await fetch(request);
        if (fresh.ok) cache.put('./', fresh.clone());
        return fresh;
      } catch {
        return (await cache.match('./')) ?? Response.error();
      }
    }
    const hashed = /-[0-9a-f]{12,}(_bg)?\.(js|wasm|css)$/.test(new URL(request.url).pathname);
    if (hashed) {
      const cached = await cache.match(request, { ignoreSearch: true });
      if (cached) return cached;
    }
    try {
      const fresh = await fetch(request);
      if (fresh.ok) cache.put(request, fresh.clone());
      return fresh;
    } catch (e) {
      const cached = await cache.match(request, { ignoreSearch: true });
      if (cached) return cached;
      throw e;
    }
  })());
});
