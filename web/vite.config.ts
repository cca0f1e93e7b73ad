import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The desk is built into web/dist, which `earshot start`/`serve` serve at / (src/api/routes/desk.ts).
// `npm run dev:desk` serves it with hot reload and forwards /api to a running `earshot serve`.
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react()],
  build: {
    outDir: path.join(import.meta.dirname, 'dist'),
    emptyOutDir: true,
    // ECharts and the region map are large by nature; one chunk per page keeps the first load small.
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: { '/api': process.env.EARSHOT_API_URL ?? 'http://127.0.0.1:8750' },
  },
});
