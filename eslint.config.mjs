// @ts-check
import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import { createProjectGraphAsync } from '@nx/devkit';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

// @nx/enforce-module-boundaries reads the cached project graph and silently skips itself when
// there is none (a fresh checkout) or reads stale tags (a project.json just changed). Computing
// the graph here makes `eslint .` enforce the boundaries on every run, not only under `nx lint`.
await createProjectGraphAsync({ exitOnError: true });

const nodeGlobals = {
  console: 'readonly',
  process: 'readonly',
  require: 'readonly',
  module: 'writable',
  __dirname: 'readonly',
};

export default defineConfig(
  globalIgnores([
    '**/dist/',
    '**/node_modules/',
    '**/coverage/',
    '.nx/',
    'libs/contracts/src/generated/',
    // CommonJS tool configs (jest.config.js); plain scripts (*.mjs) are still linted below.
    '**/*.js',
    '**/*.cjs',
  ]),

  {
    files: ['**/*.mjs'],
    extends: [js.configs.recommended],
    languageOptions: { globals: nodeGlobals },
  },

  {
    files: ['{apps,libs,test,deploy}/**/*.ts'],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@nx': nx },
    rules: {
      // A dropped promise in a Kafka handler is lost data; a non-exhaustive switch over a
      // union is a silently ignored new variant.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      // tsc's noUnusedLocals/noUnusedParameters already report these; `_` marks an intentional unused.
      // kafkajs callbacks (eachMessage/eachBatch) are typed to return a Promise; an `async` body
      // without `await` is the plain way to satisfy that, and keeps a sync throw a rejection.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],

      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            // Services share code only through libs; they never import each other or test helpers.
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
            // The client SDK builds on shared contracts, the CLI on the SDK; shared libs never depend on either.
            { sourceTag: 'scope:client', onlyDependOnLibsWithTags: ['scope:shared', 'scope:client'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:lib', 'type:testing', 'scope:client'] },
            // Test tooling drives the platform the way its users do: through the client SDK.
            { sourceTag: 'scope:testing', onlyDependOnLibsWithTags: ['scope:shared', 'scope:client', 'scope:testing'] },
            // End-to-end tests start the services as processes, as production does; never import them.
            { sourceTag: 'type:e2e', notDependOnLibsWithTags: ['type:app'] },
          ],
        },
      ],
    },
  },

  {
    // Jest's asymmetric matchers (expect.stringMatching, ...) are typed `any`, and so are raw SQL
    // rows read to assert on; in tests that is the intended, checked-by-assertion use of `any`.
    files: ['**/*.spec.ts', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
    },
  },
);
