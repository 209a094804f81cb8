/** @type {import('jest').Config} */
// Two packages fastify pulls in (cookie 2 via light-my-request, content-disposition 3 via @fastify/static)
// ship ESM only. Node 20 loads them through require(esm); jest's module system does not, so swc compiles
// them to CommonJS for the tests.
const ESM_ONLY = ['cookie', 'content-disposition'];

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }],
    [`/node_modules/(${ESM_ONLY.join('|')})/.+\\.js$`]: ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY.join('|')})/)`],
  // the browser test runs in its own step of .ci/run (it needs Chromium)
  testPathIgnorePatterns: ['/node_modules/', '\\.browser\\.test\\.ts$'],
  testTimeout: 20000,
  // Each test file's module registry (the real core: ~60 MB) stays reachable after the file ends when it runs in the
  // main process, which jest does on two cores (one worker or less runs in band): 193 files outgrew the 4 GB heap
  // there. A memory limit makes jest run the files in a worker and start a fresh one when it holds more than this.
  workerIdleMemoryLimit: '1GB',
  setupFiles: ['<rootDir>/test/support/mongo-env.js'],
};
