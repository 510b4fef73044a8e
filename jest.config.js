// Two projects: Node-side code (core, server, functions through the local cloud, the local cloud
// itself, the CLI) and the mini program through miniprogram-simulate, each with its own tsconfig so
// WeChat globals never leak into server code.
// Type diagnostics on: a test never runs code that tsc rejects.
const tsJest = (tsconfig) => ['ts-jest', { tsconfig, diagnostics: true }];

/** @type {import('jest').Config} */
module.exports = {
  // Functions run in real workers against a real store: on a 2-core machine shared with other
  // runs a cold worker plus a roll write can pass 5 s. A limit, never a timing assertion.
  testTimeout: 30_000,
  projects: [
    {
      displayName: 'node',
      testEnvironment: 'node',
      moduleFileExtensions: ['ts', 'js', 'json'],
      transform: { '^.+\\.ts$': tsJest('<rootDir>/tsconfig.json') },
      testMatch: ['<rootDir>/test/{core,server,cloud,localcloud,cli,e2e,bench}/**/*.test.ts'],
    },
    {
      displayName: 'miniprogram',
      testEnvironment: 'jsdom',
      moduleFileExtensions: ['ts', 'js', 'json'],
      transform: { '^.+\\.ts$': tsJest('<rootDir>/test/miniprogram/tsconfig.json') },
      setupFiles: ['<rootDir>/test/miniprogram/setup.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/miniprogram/noRawDates.ts'],
      testMatch: ['<rootDir>/test/miniprogram/**/*.test.ts'],
    },
  ],
};
