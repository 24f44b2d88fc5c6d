// Build of the app shell: React, the PWA manifest and a Workbox service worker that precaches
// everything a cold offline start needs (workers and wasm included).
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

export default defineConfig({
  plugins: [
    react(),
    VitePWA({
      // Updates wait for the officer: a reload must never interrupt unsaved input or a sync.
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['icons/*.svg', 'icons/*.png'],
      manifest: {
        id: '/',
        name: 'Một cửa – Tiếp nhận hồ sơ xã',
        short_name: 'Một cửa',
        description: 'Tiếp nhận và theo dõi hồ sơ thủ tục hành chính tại bộ phận một cửa cấp xã, kể cả khi mất mạng.',
        lang: 'vi',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        background_color: '#ffffff',
        theme_color: '#9f1d20',
        categories: ['government', 'productivity'],
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,wasm,json,woff2}'],
        maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
        navigateFallback: '/index.html',
        // The API is never answered from the cache: a stale answer would lie about sync. The citizen
        // status page (src/domain/dossier/status-page.ts) is the gateway's, opened on the desk's own
        // browser too: never the app's shell in its place.
        navigateFallbackDenylist: [/^\/api\//, /^\/tra-cuu-ho-so(?:[/?#]|$)/],
        cleanupOutdatedCaches: true,
        // The first install takes control at once (nothing to reload); updates still wait for the prompt.
        clientsClaim: true,
        skipWaiting: false,
      },
    }),
  ],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    manifest: true,
    sourcemap: false,
  },
  server: {
    proxy: { '/api': 'http://localhost:8080' },
  },
});
