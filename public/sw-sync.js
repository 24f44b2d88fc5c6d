// Imported into the generated service worker: on Background Sync, wake the open pages so their
// outbox pump sends what waits (the pump lives in the page, next to the database code).
self.addEventListener('sync', (event) => {
  if (event.tag !== 'motcua-sync') return;
  event.waitUntil(
    self.clients.matchAll({ type: 'window' }).then((clients) => {
      clients.forEach((client) => client.postMessage({ type: 'motcua-sync' }));
    }),
  );
});
