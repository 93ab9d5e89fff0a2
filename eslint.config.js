// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

/** Layers import downwards only (docs/contributing.md#layer-rules): this is the dependency-rule check `npm test` runs. */
const uiAndStore = [
  'react',
  'react-dom',
  'react-dom/*',
  '@xyflow/*',
  'zustand',
  'zustand/*',
  'monaco-editor',
  'monaco-editor/*',
  'monaco-yaml',
  '@monaco-editor/*',
  '@xterm/*',
  'i18next',
  'react-i18next',
];
const appLayers = ['**/store/**', '**/ui/**', '**/worker/**', '**/share/**', '**/cli/**'];

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-cli',
      // builds made beside dist for the benches (KP_BENCH_DIST=dist-x, docs/performance.md), as .gitignore has them
      'dist-*',
      'dev-dist',
      'node_modules',
      'test-results',
      'playwright-report',
      'screenshots',
      'public',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['bin/**/*.mjs', 'scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: uiAndStore, message: 'src/engine is pure: no React, zustand, Monaco or DOM libraries.' },
            {
              group: appLayers,
              message: 'src/engine may not import the store, UI, worker, share or CLI layers.',
            },
            { group: ['node:*'], message: 'src/engine runs in the browser too: no Node built-ins.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'No DOM in the engine.' },
        { name: 'document', message: 'No DOM in the engine.' },
        { name: 'localStorage', message: 'No storage in the engine.' },
        { name: 'fetch', message: 'The engine makes no requests.' },
        { name: 'setTimeout', message: 'Time comes in as an argument.' },
        { name: 'performance', message: 'Time comes in as an argument.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Randomness comes from the seeded rng.' },
        { object: 'Date', property: 'now', message: 'Time comes in as an argument.' },
      ],
    },
  },
  {
    files: ['src/engine/**/*.test.ts', 'src/engine/test/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src/share/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/store/**', '**/ui/**', '**/cli/**', 'react', 'react-dom', 'zustand'],
              message: 'share sits below store and ui.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/store/**/*.ts'],
    ignores: ['src/store/react.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/ui/**', '**/cli/**', 'react', 'react-dom'],
              message: 'The store core is vanilla; only store/react.ts binds React.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/store/**', '**/ui/**', 'react', 'react-dom', 'zustand'],
              message: 'The CLI runs the engine without the app.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/exhaustive-deps': 'error',
      'no-console': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/engine/*/**', '!**/engine/index', '!**/engine/index.ts'],
              message: 'The UI reaches the engine only through engine/index (types) and the store.',
            },
            { group: ['**/cli/**'], message: 'The UI does not import the CLI.' },
          ],
        },
      ],
      // The store's contract (src/store/kubeplayApp.ts): the UI changes state only through named app
      // methods and the store's named actions (viewStore.ts, viewActions.ts), never `setState`.
      'no-restricted-properties': [
        'error',
        { property: 'setState', message: 'Change state through a named app method or store action.' },
      ],
    },
  },
);
