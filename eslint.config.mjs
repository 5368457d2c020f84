import nx from '@nx/eslint-plugin';

/**
 * What the web code may never do: switch Angular's sanitiser off (`bypassSecurityTrust*`), or write
 * HTML past it (`innerHTML`/`outerHTML` assignments, `insertAdjacentHTML`, `document.write`).
 * User HTML reaches the page only through `[innerHTML]` bindings of the API's sanitised HTML, which
 * Angular sanitises again. tools/lint/no-bypass-security.spec.ts proves each of these is caught.
 */
const WEB_SECURITY_BYPASSES = [
  {
    selector: 'MemberExpression[property.name=/^bypassSecurityTrust/]',
    message: 'bypassSecurityTrust* switches Angular sanitising off: render user HTML through [innerHTML] of the API\'s sanitised HTML.',
  },
  {
    selector: 'AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]',
    message: 'Writing innerHTML/outerHTML bypasses Angular sanitising: bind [innerHTML] or use textContent.',
  },
  {
    selector: 'CallExpression[callee.object.name="document"][callee.property.name=/^(write|writeln)$/]',
    message: 'document.write bypasses Angular sanitising: use Angular bindings.',
  },
  {
    selector: 'CallExpression[callee.property.name="insertAdjacentHTML"]',
    message: 'insertAdjacentHTML bypasses Angular sanitising: use Angular bindings.',
  },
];

/**
 * Module boundaries that actually constrain: the web app never imports server code, server code
 * never imports the web, and contracts import nothing of ours. Run by `npm test` (boundaries spec).
 */
export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  { ignores: ['**/dist', '**/node_modules', '**/.nx', '**/.angular', '**/.data', 'tmp', 'test-output'] },
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'] },
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:api', 'scope:shared'] },
            { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['scope:api', 'scope:web', 'scope:shared'] },
            { sourceTag: 'type:util', notDependOnLibsWithTags: ['type:feature', 'type:composition', 'type:app'] },
            { sourceTag: 'type:feature', notDependOnLibsWithTags: ['type:composition', 'type:testing'] },
          ],
        },
      ],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    files: ['apps/web/src/**/*.ts', 'libs/web/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', ...WEB_SECURITY_BYPASSES] },
  },
];
