// Intent typed fast, in the shorthand of quick messages (no1, tmrw, 4ever, wnt, sry, ill for I'll) and in the plain
// first-person ways of saying one will not be alive: read as the words they stand for, so the phrases and the scorer
// see what a carefully typed message would show them. The same shorthand about a swab, a delivery or a fever gone by
// morning is no one's emergency. Phrasings of our own.
import { ruleFlags, urgentVerdict } from '../support/nlu';

describe('suicidal intent typed in shorthand', () => {
  it.each([
    'no1 will even notice, i wnt to die',
    'dont bother sending any1, ill be dead by morning',
    'i will not be alive by the time the gate opens',
    'honestly im done being alive, just tell my brother sry',
    "i'm going to be gone by tomorrow, the key is under the mat",
    'Sry 4 everything. ill be gone b4 anyone gets here',
  ])('is raised by the rules: %s', (text) => {
    expect(ruleFlags(text)).toContain('suicide');
  });
});

describe('the same shorthand in everyday messages', () => {
  it.each([
    'pls can u tell me when the swab truck comes tmrw',
    'the fever should be gone by tomorrow, do i still need the test',
    'my mum is an RN, she says the rash will be gone by morning',
    'pls tell me where 2 buy rice, the delivery app says sold out till tmrw',
    'grandpa says he wont be alive to see the new metro line lol, he is 97 and fine',
  ])('raises nothing: %s', (text) => {
    expect(urgentVerdict(text).flags).toEqual([]);
  });
});
