import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'demo-output/**', 'test-results/**', 'lib/data/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-empty-pattern': 'off',
      // Outside data is rendered as text only (SECURITY.md).
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Render text with textContent or JSX.' },
        { property: 'outerHTML', message: 'Render text with textContent or JSX.' },
        { property: 'insertAdjacentHTML', message: 'Render text with textContent or JSX.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Render text with JSX only.',
        },
      ],
    },
  },
);
