// The project's lint rules: ESLint's and typescript-eslint's recommended sets, React's rules of
// hooks for the admin panel, and nothing that Prettier (the formatter) already decides.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/',
      '**/dist/',
      'build/',
      '.cache/',
      '.tmp/',
      '.strapi/',
      'types/generated/',
      'test-results/',
      'coverage/',
      'public/',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: globals.node },
    rules: {
      // `_`-prefixed names are deliberately unused (a destructured field left out of a copy).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // The contracts declare one namespace per endpoint (CreateOrder.Request, .Response), as
      // Strapi's own shared contracts do: type-only, nothing emitted.
      '@typescript-eslint/no-namespace': ['error', { allowDeclarations: true }],
    },
  },
  {
    files: ['src/plugins/orders/admin/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    // The rules of hooks, both as errors. Not the plugin's React Compiler rules (refs,
    // immutability…): they check code for the compiler, which Strapi's admin build does not use.
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // A response body is whatever the server sent: the tests assert on its shape.
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Its functions run in the page (page.evaluate), not in Node.
    files: ['bench/itemised-view.js'],
    languageOptions: { globals: globals.browser },
  },
  {
    // Plain Node scripts (bench/, scripts/, test helpers, migrations, this file's siblings) are CommonJS.
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier
);
