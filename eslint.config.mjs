// @ts-check
// ESLint flat config: typescript-eslint's type-checked rules over the TypeScript, plus the
// layering rules of docs/ARCHITECTURE.md (core never imports `vscode`; DOM only in webview/).
import eslint from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Names only a browser defines (document, window, HTMLElement, …): Node code must not use them. */
const nodeOrShared = new Set([...Object.keys(globals.node), ...Object.keys(globals.es2022)]);
const browserOnly = Object.keys(globals.browser).filter((name) => !nodeOrShared.has(name));

/** Module-level state anywhere in src/ (see the rule's block below). */
const MODULE_STATE = [
  {
    selector: ":matches(Program, Program > ExportNamedDeclaration) > VariableDeclaration[kind='let']",
    message:
      'Module-level `let` is state shared by every caller in the process: keep it in an instance or pass it along.',
  },
  {
    selector: 'PropertyDefinition[static=true][readonly!=true]',
    message: 'A mutable static field is a module global: keep it in an instance (src/extension: the context).',
  },
];
/** Module-level collections in src/extension: the extension's state lives in its context. */
const EXTENSION_STATE = [
  {
    selector:
      ':matches(Program, Program > ExportNamedDeclaration) > VariableDeclaration > VariableDeclarator > NewExpression.init[callee.name=/^(Map|Set|WeakMap|WeakSet|EventEmitter)$/]',
    message:
      'src/extension keeps no module-level state: put it in the context created in activate (src/extension/context.ts).',
  },
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'out/',
      '.vscode-test/',
      'test-results/',
      // Realistic training repositories the tests read; not our code.
      'test/fixtures/',
      'examples/',
    ],
  },
  eslint.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // One program per environment, so type-aware rules see the types each file really has.
        project: ['./tsconfig.node.json', './webview/tsconfig.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Off: an `async` arrow is how a synchronous reader meets a Promise-returning interface (a throw becomes a rejection).
      '@typescript-eslint/require-await': 'off',
      // `_`-prefixed names are deliberately unused (destructuring a field away, a required callback parameter).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'scripts/**'],
    languageOptions: { globals: globals.node },
    // DOM *types* are caught by the compiler: tsconfig.node.json has no DOM lib. (A name-based type
    // rule would also flag tree-sitter's own `Node`.)
    rules: {
      'no-restricted-globals': [
        'error',
        ...browserOnly.map((name) => ({
          name,
          message: 'DOM globals belong to webview/ only: src/, test/ and scripts/ run in Node.',
        })),
      ],
    },
  },
  {
    files: ['webview/**/*.ts'],
    languageOptions: { globals: globals.browser },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'The webview runs in a browser frame: it has no vscode module.' }],
          patterns: [
            {
              regex: '(^|/)src/(?!core/report/panelMessages$)',
              message:
                'The webview talks to the extension only through the typed messages of src/core/report/panelMessages.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'vscode',
              message: 'src/core is pure and runs in the CLI and tests: VS Code glue belongs in src/extension/.',
            },
          ],
          patterns: [
            {
              group: ['**/extension/**', '**/cli/**', '**/webview/**'],
              message: 'src/core depends on nothing outside src/core (data flows one way).',
            },
          ],
        },
      ],
    },
  },
  {
    // State belongs to an instance: a module-level `let` or a mutable static field is shared by every
    // caller in the process (two extension contexts, two tests). src/extension also keeps no module-level
    // collections: its state lives in the context created in `activate` (src/extension/context.ts).
    files: ['src/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', ...MODULE_STATE] },
  },
  {
    files: ['src/extension/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', ...MODULE_STATE, ...EXTENSION_STATE] },
  },
  {
    // Plain JavaScript build and test scripts: no TypeScript program to type-check them against.
    files: ['**/*.mjs', '**/*.js', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
);
