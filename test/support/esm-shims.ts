// jest's module loader cannot require the ESM-only packages that fastify's inject() (light-my-request →
// cookie 2) and @fastify/swagger-ui (@fastify/static → content-disposition 3) load; Node 20 itself can.
// Test files that build the HTTP server map them to these CommonJS stand-ins:
//   jest.mock('cookie', () => require('../support/esm-shims').cookie);
//   jest.mock('content-disposition', () => require('../support/esm-shims').contentDisposition);
// Only code paths jiuyi never takes use them (request cookies in inject(), reply.download()).
const unsupported = (what: string) => () => {
  throw new Error(`${what} is not available under jest (test/support/esm-shims.ts)`);
};

export const cookie = {
  parse: unsupported('cookie.parse'),
  parseCookie: unsupported('cookie.parseCookie'),
  serialize: unsupported('cookie.serialize'),
  stringifyCookie: unsupported('cookie.stringifyCookie'),
  stringifySetCookie: unsupported('cookie.stringifySetCookie'),
  parseSetCookie: unsupported('cookie.parseSetCookie'),
};

export const contentDisposition = {
  create: unsupported('content-disposition.create'),
  parse: unsupported('content-disposition.parse'),
};
