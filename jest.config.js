/** One jest project for the whole workspace: tests import sources, never dist. */
const workspaceSources = {
  '^@devzone/gateway$': '<rootDir>/gateway/src',
  '^@devzone/province$': '<rootDir>/subgraphs/province/src',
  '^@devzone/zone-(yongkang|chengxi|jinjiang|anhui)$': '<rootDir>/subgraphs/$1/src',
  '^@devzone/(stack|testkit|bench|codegen)$': '<rootDir>/internal/$1/src',
  '^@devzone/(.*)$': '<rootDir>/packages/$1/src',
};

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/gateway', '<rootDir>/subgraphs', '<rootDir>/packages', '<rootDir>/internal', '<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  moduleNameMapper: workspaceSources,
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }],
    // jose ships ECMAScript modules only; jest's sandbox loads CommonJS (see packages/auth/src/credentials/loadJose.ts).
    '/jose/dist/.+\\.js$': ['ts-jest', { tsconfig: { allowJs: true, module: 'commonjs', moduleResolution: 'node10', target: 'es2022' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!\\.pnpm/jose@|jose/)'],
  setupFiles: ['reflect-metadata'],
  globalSetup: '<rootDir>/internal/testkit/src/jest/globalSetup.ts',
  globalTeardown: '<rootDir>/internal/testkit/src/jest/globalTeardown.ts',
  testTimeout: 60_000,
  // Jest's default, one worker fewer than cores, is one worker on 2 cores, and most files wait on
  // processes, sockets and PostgreSQL more than they compute: two workers there ran the suite in
  // 448 s instead of 758 s (2026-12-03, the same 2,249 tests passing).
  maxWorkers: '100%', // a worker per core
  // What 160 files leave behind in one process piles up: a full collection then takes about a
  // second (the views' streaming test, which collects before each heap sample, took 35 s alone and
  // 150 s in a full run in band). A worker is replaced once it holds more than this after a file.
  workerIdleMemoryLimit: '512MB',
};
