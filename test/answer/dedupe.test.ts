import { dedupe } from '../../src/answer/topics';
import { fact, say, steps } from '../../src/answer/plan';

describe('dedupe', () => {
  it('says a repeated sentence once, in facts and in steps', () => {
    const lines = [fact('周一至周五开放。'), steps(['先预约', '周一至周五开放']), fact('周一至周五开放')];
    expect(dedupe(lines)).toEqual([fact('周一至周五开放。'), steps(['先预约'])]);
  });
  it('says a repeated message line once, and keeps lines of one key with other values', () => {
    const a = say('missing', { locality: '忻州' });
    const lines = [a, say('missing', { locality: '晋江' }), say('missing', { locality: '忻州' }), say('missing_hotline', { name: '热线', phones: ['12345'] })];
    expect(dedupe(lines)).toEqual([a, lines[1], lines[3]]);
  });
  it('keeps message lines of different keys without comparing them', () => {
    const lines = [say('a', { x: 1 }), say('b', { x: 1 }), fact('a')];
    expect(dedupe(lines)).toEqual(lines);
  });
  it('drops a message line a sentence of the notice writes out as its JSON', () => {
    const line = say('a', { x: 1 });
    expect(dedupe([fact(JSON.stringify(line)), line])).toEqual([fact(JSON.stringify(line))]);
  });
});
