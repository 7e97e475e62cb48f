import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The workbench build: one page (`index.html`), hashed assets under `assets/`, the merge worker as
 * an ES module worker, no external URL anywhere (works offline). `npm run dev` proxies `/graphql`
 * to `REVPROV_API` (default http://127.0.0.1:4000, the demo server).
 */
export default defineConfig({
  plugins: [react()],
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    // CodeMirror + RJSF + the merge engine: one chunk of ~1 MB is expected
    chunkSizeWarningLimit: 2000,
  },
  worker: { format: 'es' },
  server: {
    proxy: { '/graphql': { target: process.env.REVPROV_API ?? 'http://127.0.0.1:4000', changeOrigin: false } },
  },
});
