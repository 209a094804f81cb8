import { newSession } from '../src/core/types';
test('a new session starts with no turns', () => {
  expect(newSession().turns).toBe(0);
});
