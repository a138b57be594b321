// Lint rules, including the import boundaries of DESIGN.md "Layout": the
// gateway and the subgraphs meet only over HTTP, and no agency imports another.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const AGENCIES = ['grid', 'petitions', 'police', 'courts', 'legalaid'];

/** Files of one agency may not import any other agency's folder, nor the gateway. */
const agencyBoundaries = AGENCIES.map((agency) => ({
  files: [`subgraphs/${agency}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: [
              ...AGENCIES.filter((other) => other !== agency).map((other) => `**/subgraphs/${other}/**`),
              ...AGENCIES.filter((other) => other !== agency).map((other) => `../${other}/**`),
              '**/gateway/**',
            ],
            message: 'An agency subgraph imports only subgraphs/shared and schema: agencies meet over HTTP.',
          },
        ],
      },
    ],
  },
}));

export default tseslint.config(
  {
    ignores: ['node_modules/**', 'data/**', 'dist/**', 'coverage/**', 'gateway/console/dist/**', '.bench/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: false },
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', Buffer: 'readonly', AbortController: 'readonly', TextEncoder: 'readonly', TextDecoder: 'readonly', structuredClone: 'readonly', queueMicrotask: 'readonly', setImmediate: 'readonly', performance: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unsafe-function-type': 'off',
      'no-console': 'off',
    },
  },
  {
    files: ['gateway/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/subgraphs/**'],
              message: 'The gateway never imports a subgraph: they meet only over HTTP.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['subgraphs/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: AGENCIES.flatMap((a) => [`**/subgraphs/${a}/**`, `../${a}/**`]).concat(['**/gateway/**']),
              message: 'subgraphs/shared is used by every agency and imports none of them.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['schema/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/gateway/**'],
              message: 'schema/ sits below the gateway.',
            },
          ],
        },
      ],
    },
  },
  {
    // Tests read GraphQL answers whose shape the assertions check.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  ...agencyBoundaries,
);
