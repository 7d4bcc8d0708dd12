/**
 * Fallback renderer build for the browser tests, used only while electron.vite.config.ts (the
 * project's build, owned by the main-process side) is absent. Same root and output.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: resolve(__dirname, '../../src/renderer'),
  base: './',
  plugins: [react()],
  build: { outDir: resolve(__dirname, '../../out/renderer'), emptyOutDir: true },
});
