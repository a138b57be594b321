// Vite builds the console into dist/, served by the gateway at /console
// (registerConsole.ts). Everything the page loads is in dist/: no CDN, no
// web fonts, no inline script (the page runs under a CSP of 'self' only).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const consoleDir = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: consoleDir,
  base: '/console/',
  // No public/ folder: nothing is copied that the build did not produce.
  publicDir: false,
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    target: 'es2022',
    // The polyfill would be an inline-free helper anyway, but every browser
    // the centres use supports modulepreload: keep the bundle to our code.
    modulePreload: { polyfill: false },
    sourcemap: false,
    reportCompressedSize: false,
  },
  server: {
    // `vite` dev server: the ID-number check is bundled from subgraphs/shared.
    fs: { allow: [fileURLToPath(new URL('../..', import.meta.url))] },
    proxy: { '/graphql': 'http://127.0.0.1:4000', '/console/api': 'http://127.0.0.1:4000' },
  },
});
