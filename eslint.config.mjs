// Lint of the whole project (typescript-eslint, flat config). `npm run lint` runs it; `npm test` runs it
// first, so CI refuses a finding. The pure core (rules, extraction, the model) may not import Node,
// Electron or React: it runs in a worker, in the command line and in the app alike.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const NODE_BUILTINS = [
  'fs',
  'path',
  'os',
  'child_process',
  'worker_threads',
  'crypto',
  'url',
  'util',
  'stream',
  'zlib',
  'buffer',
  'events',
  'http',
  'https',
  'net',
  'module',
  'process',
  'readline',
  'perf_hooks',
  'sqlite',
];
const PURE_CORE_BANS = {
  paths: NODE_BUILTINS.map((name) => ({
    name,
    message: '纯核心（规则、抽取、模型）不得依赖 Node 内置模块。',
  })),
  patterns: [
    { group: ['node:*'], message: '纯核心（规则、抽取、模型）不得依赖 Node 内置模块。' },
    { group: ['electron', 'electron/*'], message: '纯核心不得依赖 Electron。' },
    {
      group: ['react', 'react-dom', 'react/*', 'react-dom/*', 'antd', 'antd/*'],
      message: '纯核心不得依赖 React。',
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'demo-output/**',
      'resources/**',
      'coverage/**',
      '**/*.cjs',
      '**/*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'separate-type-imports' },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      'no-control-regex': 'off',
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // A test states what it expects of a value before it uses it (`expect(x).toBeDefined()` and then
    // `x!`); the assertion is the check. Source code uses checked access instead.
    files: ['test/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['src/core/rules/**/*.ts', 'src/core/extract/**/*.ts', 'src/core/model/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', PURE_CORE_BANS] },
  },
);
