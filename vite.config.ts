// Vite (dev server, build, preview) and Vitest configuration. Owns bundling, chunking and the
// production Content-Security-Policy; holds no app logic.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { lessonsPlugin } from './scripts/lessons-plugin.ts';

/**
 * The page's Content-Security-Policy, injected into index.html at build time only (Vite's dev
 * server needs inline scripts and a WebSocket for HMR).
 * - style-src 'unsafe-inline': Monaco creates <style> elements at run time (themes, decorations)
 *   and framer-motion's popLayout does too; a static site cannot hand out per-request nonces.
 * - worker-src blob:: Monaco falls back to blob workers when it cannot load a worker by URL.
 * - No 'unsafe-eval': nothing on the main thread may compile code at run time (precompile Ajv).
 *   Workers loaded from a URL are not bound by a <meta> policy, only by their own response headers.
 * - frame-ancestors cannot be set from <meta>; embedding in iframes stays allowed.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "worker-src 'self' blob:",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function cspMetaTag(): Plugin {
  return {
    name: 'kubeplay:csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy },
        injectTo: 'head-prepend',
      },
    ],
  };
}

const monacoEsm = fileURLToPath(new URL('./node_modules/monaco-editor/esm/vs/', import.meta.url));

/** Monaco, monaco-yaml and their language-service dependencies: only ever loaded lazily. */
const monacoModules = /[\\/]node_modules[\\/](monaco-|vscode-|@vscode[\\/]|marked|dompurify)/;

export default defineConfig({
  base: './',
  plugins: [
    react(),
    cspMetaTag(),
    lessonsPlugin(fileURLToPath(new URL('./src/lessons', import.meta.url))),
  ],
  resolve: {
    alias: [
      // Workaround: since monaco-editor 0.56 its `exports` map turns monaco-yaml's (and
      // monaco-worker-manager's) import of `monaco-editor/esm/vs/editor/editor.worker.js` into
      // `esm/vs/esm/vs/…`. Point the old deep path at the real folder. (STACK.md, breakage A)
      { find: /^monaco-editor\/esm\/vs\//, replacement: monacoEsm },
    ],
  },
  optimizeDeps: {
    // Lazily imported in dev: pre-bundle them up front or the first editor open reloads the page.
    include: [
      'monaco-editor/editor',
      'monaco-editor/features/register.all',
      'monaco-editor/languages/definitions/yaml/register',
      'monaco-yaml',
      'monaco-yaml/yaml.worker.js',
    ],
  },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // Vite's preload helper serves every dynamic import, the entry's included. Give it its
            // own chunk, or it lands in the Monaco chunk and the entry then loads Monaco on first
            // paint (STACK.md).
            { name: 'preload-helper', test: /vite[\\/]preload-helper/, priority: 20 },
            { name: 'monaco', test: monacoModules, priority: 10 },
          ],
        },
      },
    },
  },
  preview: { port: 4173, strictPort: true },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    exclude: ['e2e/**', 'node_modules/**', 'dist/**'],
    passWithNoTests: true,
    // Property and fuzz tests take seconds; CI's 2 cores may be shared with the browser tests.
    testTimeout: 60_000,
  },
});
