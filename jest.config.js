// Two projects: fast unit specs beside the code, and integration specs under test/
// that run against a real PostgreSQL with the real migrations (serially: they share a database).
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.json');

const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: {
    '^.+\\.ts$': ['ts-jest', {}],
    // ES-module-only packages: @fastify/static (Swagger UI) depends on one, and FormatJS (the ICU
    // message formatter of every catalogue) is one. Node loads them natively, Jest's CommonJS
    // runtime needs them transpiled.
    '^.+/node_modules/(content-disposition|@formatjs/[^/]+|intl-messageformat)/.+\\.js$': [
      'ts-jest',
      { tsconfig: { allowJs: true } },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!(content-disposition|@formatjs/[^/]+|intl-messageformat)/)'],
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
};

module.exports = {
  testTimeout: 60000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/apps/api/**/*.spec.ts',
        '<rootDir>/apps/citizen-web/**/*.spec.ts',
        '<rootDir>/apps/room-screen/**/*.spec.ts',
        '<rootDir>/libs/**/*.spec.ts',
      ],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/e2e/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/e2e/support/global-teardown.ts',
    },
  ],
};
