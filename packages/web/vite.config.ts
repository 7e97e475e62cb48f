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
    // the wizard's chunk (form library) and the editors' chunk are about 500 KB each
    chunkSizeWarningLimit: 2000,
    // timings of plugins on a loaded machine are noise for `npm start`, which prints the URL first
    rolldownOptions: { checks: { pluginTimings: false } },
  },
  worker: { format: 'es' },
  server: {
    proxy: { '/graphql': { target: process.env.REVPROV_API ?? 'http://127.0.0.1:4000', changeOrigin: false } },
  },
});
