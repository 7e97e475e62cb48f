// ESLint flat config: JavaScript's and typescript-eslint's recommended rules on every package.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '.revprov/**', '**/coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // unused bindings are a type error already (noUnusedLocals); `_`-prefixed ones are deliberate
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-constant-condition': ['error', { checkLoops: false }],
      // YAML's printable-character rules are about control characters: matching them is the point
      'no-control-regex': 'off',
    },
  },
  {
    // the web workbench runs in browsers (and its merge worker in a worker scope)
    files: ['packages/web/src/**'],
    ...reactHooks.configs.flat.recommended,
    languageOptions: { globals: { ...globals.browser, ...globals.worker } },
  },
  {
    // tests read untyped JSON answers (GraphQL responses, adapter bodies)
    files: ['packages/*/test/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
