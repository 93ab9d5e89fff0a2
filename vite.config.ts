import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

// monaco-worker-manager (pulled in by monaco-yaml) deep-imports monaco-editor/esm/vs/...,
// which monaco-editor >= 0.56 no longer exports; map it onto the new exports map.
const monacoDeepImport = { find: /^monaco-editor\/esm\/vs\/(.*)$/, replacement: 'monaco-editor/$1' };

// The playground works offline after the first visit: a generated service worker precaches every
// file the page can need (the lazy editor/terminal/lessons/share chunks, the workers, the codicon
// font), so a classroom with flaky Wi-Fi keeps working. src/pwa registers it in production only.
const offline = VitePWA({
  registerType: 'autoUpdate',
  injectRegister: null,
  manifest: false,
  workbox: {
    globPatterns: ['**/*.{js,css,html,svg,ttf,woff,woff2}'],
    // The Monaco editor chunk is about 4 MB; workbox skips files over its 2 MiB default.
    maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
    navigateFallback: 'index.html',
    cleanupOutdatedCaches: true,
  },
});

/**
 * Where the site lives on its host: `/` by default; `KUBEPLAY_BASE=/kubeplay/ npm run build` for a
 * sub-path (GitHub Pages, a school web server's folder). Vite prefixes every asset URL with it and the
 * service worker's scope and precache follow it (src/pwa/registerOffline.ts reads BASE_URL).
 */
function basePath(value: string | undefined): string {
  if (!value) return '/';
  const trimmed = value.trim().replace(/^\/*/, '/');
  return trimmed.endsWith('/') ? trimmed : `${trimmed}/`;
}

/** The dev server's React refresh preamble is an inline script, which index.html's CSP refuses: dev only. */
const devWithoutCsp = {
  name: 'kubeplay-dev-without-csp',
  apply: 'serve' as const,
  transformIndexHtml: (html: string) =>
    html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>/, ''),
};

/**
 * The libraries the first graph is drawn with, in one chunk of their own. Left to itself the bundler
 * splits what the page's entry shares with its lazy chunks (dialogs, lessons, the inspector) into
 * several small common chunks, all preloaded at once and each compressed apart: more bytes for the same
 * code. react-i18next's <Trans> (and its HTML parser) is left out: only lazy parts use it. Measured by
 * `npm run bench:ui` (initial JS) and `node scripts/initial-js-report.mjs` (docs/performance.md).
 */
const FIRST_GRAPH_LIBRARIES =
  /[\\/]node_modules[\\/](?:(?:react|react-dom|scheduler|i18next|zustand|use-sync-external-store|@xyflow|d3-[a-z]+|classcat)[\\/]|react-i18next[\\/]dist[\\/]es[\\/](?!Trans))/;

export default defineConfig({
  base: basePath(process.env.KUBEPLAY_BASE),
  plugins: [react(), offline, devWithoutCsp],
  resolve: { alias: [monacoDeepImport] },
  // Rolldown's [PLUGIN_TIMINGS] note (a plugin took a large share of the build) is about build speed,
  // not about the app; on a busy machine it fires on every build and reads as trouble. Real warnings stay.
  worker: { format: 'es', rolldownOptions: { checks: { bundlerTimings: false } } },
  optimizeDeps: { include: ['monaco-yaml/yaml.worker.js'] },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
  build: {
    chunkSizeWarningLimit: 5000,
    rolldownOptions: {
      checks: { bundlerTimings: false },
      output: {
        codeSplitting: { groups: [{ name: 'libraries', test: FIRST_GRAPH_LIBRARIES }] },
      },
    },
  },
});
