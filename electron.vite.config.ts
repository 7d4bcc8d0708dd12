/**
 * Build: main (window + IPC, and the worker thread as a second entry), preload (sandboxed, so
 * bundled into one CommonJS file with no runtime require other than electron), renderer (React).
 * Output: out/main, out/preload, out/renderer. Runtime dependencies of main (exceljs, mammoth,
 * …) stay external and load from node_modules; so does Node's built-in node:sqlite (the workspace
 * store), named explicitly because a build on a Node whose builtin list lacks it would bundle it.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

/**
 * `npm run dev` only: the dev server injects an inline React-refresh preamble, which the app's
 * strict CSP (script-src 'self') would block, leaving a blank window. The built app — what
 * `npm start` and users run — keeps index.html's policy unchanged (test/e2e/csp.test.ts).
 */
function devServerCsp(): Plugin {
  return {
    name: 'nianbao-dev-server-csp',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'"),
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      externalizeDeps: true,
      rollupOptions: {
        external: ['node:sqlite'],
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          worker: resolve(__dirname, 'src/main/worker.ts'),
          // The reader threads' script (core/pipeline/pool.ts looks for it next to the bundle).
          'pool-worker': resolve(__dirname, 'src/core/pipeline/pool-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot require node_modules: bundle everything it uses.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].js' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react(), devServerCsp()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/renderer/index.html') },
      },
    },
  },
});
