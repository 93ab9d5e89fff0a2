import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// monaco-worker-manager (pulled in by monaco-yaml) deep-imports monaco-editor/esm/vs/...,
// which monaco-editor >= 0.56 no longer exports; map it onto the new exports map.
const monacoDeepImport = { find: /^monaco-editor\/esm\/vs\/(.*)$/, replacement: 'monaco-editor/$1' };

export default defineConfig({
  plugins: [react()],
  resolve: { alias: [monacoDeepImport] },
  worker: { format: 'es' },
  optimizeDeps: { include: ['monaco-yaml/yaml.worker.js'] },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
  build: { chunkSizeWarningLimit: 5000 },
});
