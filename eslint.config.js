// ESLint flat config. Owns the code-level rules and the architecture boundaries from DESIGN.md:
// the engine is pure (no DOM, React, timers, wall clock or Math.random) and the UI reaches it only
// through src/worker/client.ts and type-only imports of src/engine/index.ts.
// Rules are syntax-only (no type information) so `eslint .` stays fast.
//
// Note: a `no-restricted-*` rule set in a later block replaces the earlier setting for those files,
// so each block below spreads the shared lists instead of relying on merging.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Enums are banned everywhere: use string-literal unions. */
const noEnums = {
  selector: 'TSEnumDeclaration',
  message: 'Use a union of string literals instead of an enum.',
};

/** No focused or skipped tests (Vitest and Playwright, including test.describe.only). */
const noFocusedTests = [
  {
    selector:
      'MemberExpression[object.name=/^(it|test|describe|suite|bench)$/][property.name=/^(only|skip)$/]',
    message: 'Do not commit focused or skipped tests.',
  },
  {
    selector:
      'MemberExpression[object.property.name=/^(describe|concurrent|serial|parallel)$/][property.name=/^(only|skip)$/]',
    message: 'Do not commit focused or skipped tests.',
  },
];

const baseSyntax = [noEnums, ...noFocusedTests];

/** Anything that makes the engine depend on the wall clock, randomness, timers or a host. */
const engineGlobals = [
  'window',
  'document',
  'navigator',
  'location',
  'self',
  'globalThis',
  'Date',
  'performance',
  'setTimeout',
  'setInterval',
  'setImmediate',
  'clearTimeout',
  'clearInterval',
  'clearImmediate',
  'requestAnimationFrame',
  'requestIdleCallback',
  'queueMicrotask',
  'fetch',
  'XMLHttpRequest',
  'WebSocket',
  'Worker',
  'postMessage',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'crypto',
  'process',
  'Buffer',
  'require',
].map((name) => ({
  name,
  message: `src/engine is pure and deterministic: no '${name}'. Use virtual time and the engine's seeded PRNG.`,
}));

/** UI and DOM libraries: never in the engine, tests included. */
const uiModules = {
  group: [
    'react',
    'react/*',
    'react-dom',
    'react-dom/*',
    '@xyflow/*',
    'framer-motion',
    'motion',
    'motion/*',
    'zustand',
    'zustand/*',
    'monaco-editor',
    'monaco-editor/*',
    'monaco-yaml',
    'monaco-yaml/*',
    'comlink',
    'qrcode',
  ],
  message: 'src/engine is pure TypeScript: no UI or DOM modules.',
};

/** Node modules: not in the engine, which also runs in the browser (its tests may read fixtures). */
const nodeModules = {
  group: ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'worker_threads'],
  message: 'src/engine is pure TypeScript: no Node modules.',
};

/** The engine's hosts and users. */
const outsideEngine = {
  group: ['**/app', '**/app/**', '**/worker', '**/worker/**', '**/cli', '**/cli/**'],
  message: 'src/engine may not import from src/app, src/worker or src/cli.',
};

/** Engine internals: outside src/engine only index.ts may be imported. */
const engineInternals = {
  group: ['**/engine/**', '!**/engine/index', '!**/engine/index.ts'],
  message: 'Import the engine only through src/engine/index.ts (its public face).',
};

/** The engine's public face: type-only from the page, so the engine never lands on the main thread. */
const engineIndexTypesOnly = {
  // A regex, not a gitignore group: the group '**/engine' would also match every file below it.
  regex: '(^|/)engine(/index(\\.ts)?)?$',
  allowTypeImports: true,
  message:
    'The page may only `import type` from src/engine/index.ts; run the engine through src/worker/client.ts.',
};

/** The worker bridge: the page talks to the worker through client.ts only. */
const workerInternals = {
  group: ['**/worker/**', '!**/worker/client', '!**/worker/client.ts'],
  message: 'The page reaches the worker only through src/worker/client.ts.',
};

const noDynamicEngineImport = {
  selector: 'ImportExpression[source.value=/(^|\\/)engine(\\/|$)/]',
  message: 'The page may not load the engine; go through src/worker/client.ts.',
};

export default defineConfig(
  globalIgnores([
    'dist/',
    'node_modules/',
    'coverage/',
    'test-results/',
    'playwright-report/',
    '.gate/',
    'bench/out/',
    'bench/results.json',
    'public/vendor/',
  ]),
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { prefer: 'type-imports', fixStyle: 'separate-type-imports' },
      ],
      '@typescript-eslint/no-import-type-side-effects': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': ['error', ...baseSyntax],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },

  // Node-side code: tool configs, scripts, the CLI, e2e specs, benchmarks.
  {
    files: ['*.{js,mjs,cjs,ts}', 'scripts/**', 'src/cli/**', 'e2e/**', 'bench/**'],
    languageOptions: { globals: { ...globals.node } },
  },

  // Benchmarks run under tsx, whose keepNames output breaks in the page (a `__name` helper only
  // the Node module has): page code goes through bench/browser/pageScript.ts, which explains it.
  {
    files: ['bench/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...baseSyntax,
        {
          selector:
            'CallExpression[callee.property.name=/^(evaluate|evaluateHandle|evaluateAll|waitForFunction|addInitScript|\\$eval|\\$\\$eval)$/] > :matches(ArrowFunctionExpression, FunctionExpression)',
          message:
            'Under tsx a function sent to the page may call __name, which the page lacks: use evaluate/waitInPage/addInitScript from bench/browser/pageScript.ts.',
        },
      ],
    },
  },

  // The engine: pure, deterministic, host-free.
  {
    files: ['src/engine/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-globals': ['error', ...engineGlobals],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: "Use the engine's seeded PRNG." },
      ],
      'no-restricted-syntax': [
        'error',
        ...baseSyntax,
        {
          selector: 'ImportExpression',
          message: 'src/engine loads no code at run time.',
        },
      ],
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [uiModules, nodeModules, outsideEngine] },
      ],
    },
  },

  // Engine tests run in Node: they may read fixtures from disk, but still not reach the app.
  {
    files: ['src/engine/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [uiModules, outsideEngine] },
      ],
    },
  },

  // The page: React UI and lesson data.
  {
    files: ['src/app/**/*.{ts,tsx}', 'src/lessons/**/*.{ts,tsx}', 'src/main.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-syntax': ['error', ...baseSyntax, noDynamicEngineImport],
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [engineInternals, engineIndexTypesOnly, workerInternals] },
      ],
    },
  },

  // The worker client runs on the main thread: engine types only.
  {
    files: ['src/worker/client.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-syntax': ['error', ...baseSyntax, noDynamicEngineImport],
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [engineInternals, engineIndexTypesOnly] },
      ],
    },
  },

  // Worker entry points and the CLI host the engine: through its index only.
  {
    files: ['src/worker/**/*.worker.ts', 'src/cli/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [engineInternals] }],
    },
  },
  {
    files: ['src/worker/**/*.worker.ts'],
    languageOptions: { globals: { ...globals.worker } },
  },
);
