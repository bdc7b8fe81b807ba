/**
 * NestJS 12 ships as ES modules, which Jest on Node 20 loads only in its native ESM mode: tests run as ESM
 * (`node --experimental-vm-modules`, see package.json) while the build stays CommonJS.
 *
 * Two projects: `unit` (in-process, no external systems) and `integration` (the real test bed: MariaDB,
 * a throwaway Samba AD DC, the app over real HTTP; started once by test/support/global-setup.ts).
 * @type {import('jest').Config}
 */
const common = {
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json', useESM: true }] },
  extensionsToTreatAsEsm: ['.ts'],
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
};

module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.spec.ts', '<rootDir>/test/e2e/**/*.spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      slowTestThreshold: 30,
    },
  ],
  reporters: ['default', '<rootDir>/test/support/summary-reporter.cjs'],
  testTimeout: 60000,
};
