// Lint for the whole repo: TypeScript rules, React hooks, and the house plan's import direction
// (app → features → shared/sync/db/workers' clients → domain), enforced by eslint-plugin-boundaries.
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import boundaries from 'eslint-plugin-boundaries';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const domainBannedPackages = [
  'react',
  'react-dom',
  'react-dom/*',
  'react-i18next',
  'i18next',
  'dexie',
  'dexie-react-hooks',
  'zustand',
  'comlink',
  'workbox-window',
  'wouter',
  'hono',
  'node:*',
];

// The device database's tables (src/db/db.ts, and dossierFacts kept by dossier-facts.ts): only src/db reads or writes them.
const TABLES = [
  'settings',
  'outbox',
  'catalogues',
  'searchIndexes',
  'drafts',
  'dossiers',
  'files',
  'attachments',
  'processingLog',
  'uploads',
  'captureQueue',
  'pageSources',
  'dossierFacts',
  'reportPacks',
  'officers',
];
const tablesOnlyInDb = 'Only src/db touches tables: call (or add) a named function of src/db (exported by src/db/index.ts).';
const tableAccess = [
  // db.drafts, this.db.dossiers, deskDb.outbox, getDb().files ...
  `MemberExpression[property.name=/^(${TABLES.join('|')})$/][object.type='Identifier'][object.name=/^(db|\\w*Db)$/]`,
  `MemberExpression[property.name=/^(${TABLES.join('|')})$/][object.type='MemberExpression'][object.property.name=/^(db|\\w*Db)$/]`,
  `MemberExpression[property.name=/^(${TABLES.join('|')})$/][object.type='CallExpression'][object.callee.name='getDb']`,
  // db.table('x'), db.transaction('rw', ...): a table or a transaction by name.
  "CallExpression[callee.property.name='table']",
  "CallExpression[callee.property.name='transaction']",
].map((selector) => ({ selector, message: tablesOnlyInDb }));

// The app's CSP refuses eval, so zod must parse jitless; the one configured zod lives in the domain.
const zodThroughDomain = { name: 'zod', message: "Import z from src/domain/schema: it parses without eval, which the app's CSP refuses." };

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'dev-dist', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'workers/**/*.ts'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { typescript: { project: './tsconfig.json' } },
      'boundaries/include': ['src/**/*', 'workers/**/*'],
      'boundaries/elements': [
        { type: 'app', pattern: 'src/app' },
        { type: 'feature', pattern: 'src/features/*', capture: ['feature'] },
        { type: 'shared', pattern: 'src/shared' },
        { type: 'sync', pattern: 'src/sync' },
        { type: 'db', pattern: 'src/db' },
        { type: 'i18n', pattern: 'src/i18n' },
        { type: 'domain', pattern: 'src/domain' },
        { type: 'worker-client', pattern: 'workers/*.client.ts', mode: 'file' },
        { type: 'worker-lib', pattern: 'workers/lib' },
        { type: 'worker', pattern: 'workers/*.worker.ts', mode: 'file' },
      ],
    },
    rules: {
      'boundaries/element-types': [
        'error',
        {
          default: 'disallow',
          message: '${file.type} may not import ${dependency.type} (see ../shared/ARCHITECTURE.md, "The rooms")',
          rules: [
            { from: 'app', allow: ['app', 'feature', 'shared', 'sync', 'db', 'i18n', 'domain', 'worker-client'] },
            // Features never import each other; what two features share moves down to shared.
            { from: 'feature', allow: [['feature', { feature: '${from.feature}' }], 'shared', 'sync', 'db', 'i18n', 'domain', 'worker-client'] },
            { from: 'shared', allow: ['shared', 'db', 'i18n', 'domain'] },
            { from: 'sync', allow: ['sync', 'shared', 'db', 'domain'] },
            { from: 'db', allow: ['db', 'domain'] },
            { from: 'i18n', allow: ['i18n'] },
            { from: 'domain', allow: ['domain'] },
            { from: 'worker-client', allow: ['worker-lib', 'domain', 'worker'] },
            { from: 'worker-lib', allow: ['worker-lib', 'domain'] },
            { from: 'worker', allow: ['worker-lib', 'domain'] },
          ],
        },
      ],
      // Another room is entered through its index only, never its insides.
      'boundaries/entry-point': [
        'error',
        {
          default: 'disallow',
          rules: [
            { target: ['feature', 'shared', 'sync', 'db', 'i18n', 'app', 'worker-lib'], allow: '**/*' },
            { target: ['domain'], allow: ['index.ts', '*/index.ts'] },
            { target: ['worker-client'], allow: '*.client.ts' },
            // A client may import its worker's types (import type), never run it on the main thread.
            { target: ['worker'], allow: '*.worker.ts' },
          ],
        },
      ],
      'boundaries/no-private': 'off',
    },
  },
  {
    // Outside the domain too, zod comes through src/domain/schema, which turns off its eval'd fast path.
    files: ['src/{sync,db,shared,features,i18n}/**/*.{ts,tsx}', 'workers/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [zodThroughDomain] }] },
  },
  {
    // Tables are read and written in src/db only (its tests, and other tests, may look inside).
    files: ['src/**/*.{ts,tsx}', 'workers/**/*.ts'],
    ignores: ['src/db/**', '**/*.test.{ts,tsx}'],
    rules: { 'no-restricted-syntax': ['error', ...tableAccess] },
  },
  {
    // The domain is pure: the same rules run in the page, in workers and on the gateway.
    files: ['src/domain/**/*.ts'],
    ignores: ['src/domain/**/*.test.ts', 'src/domain/schema/index.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [zodThroughDomain],
          patterns: [{ group: domainBannedPackages, message: 'src/domain is pure TypeScript: no React, Dexie, DOM, fetch or Node.' }],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'fetch', 'localStorage', 'sessionStorage', 'indexedDB', 'XMLHttpRequest', 'location'].map((name) => ({
          name,
          message: 'src/domain may not touch the DOM or the network.',
        })),
      ],
    },
  },
  {
    // Features are entered through their index; a feature importing another feature's file is caught above,
    // and here a deep path into any feature from outside is refused too.
    files: ['src/app/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^\\.\\./features/[^/]+/.+', message: 'Import a feature through its index.' }] }],
    },
  },
  {
    // No import cycle anywhere in the app, the workers or the gateway: a cycle makes load order
    // decide what a module sees (undefined at first use), and hides a missing floor in the plan.
    // Type-only imports are erased at build and are not counted.
    files: ['src/**/*.{ts,tsx}', 'workers/**/*.ts', 'server/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: ['./tsconfig.json', './tsconfig.node.json'], noWarnOnMultipleProjects: true })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['server/**/*.ts', 'tests/**/*.ts', '*.config.{ts,js}'],
    languageOptions: { globals: { ...globals.node } },
  },
);
