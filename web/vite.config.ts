import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Paths are resolved from this file, so the build works from any working directory.
const webRoot = fileURLToPath(new URL('.', import.meta.url));
const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const apiPort = process.env.API_PORT ?? '3000';

export default defineConfig({
  root: webRoot,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    // The output folder lies outside `root`, which Vite only empties when asked.
    emptyOutDir: true,
    // The lazily loaded chain map is mostly Cytoscape (~430 kB minified) and loads only with the map.
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: { '/api': `http://127.0.0.1:${apiPort}` },
    // The web code imports the API's response schemas from ../api.
    fs: { allow: [projectRoot] },
  },
  preview: {
    proxy: { '/api': `http://127.0.0.1:${apiPort}` },
  },
});
