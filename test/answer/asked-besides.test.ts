// What a question asks beside where to go, said in words the cue lists had missed: care without going anywhere
// (English), a treatment no hospital of the city offers, a complaint to phone in — and grown children said to be
// away, who are not the patient.
import type { Core } from '../../src/core/types';
import { realCore, talk, textOf } from '../support/core';

let core: Core;
beforeAll(async () => {
  core = await realCore();
}, 60_000);

describe('what a question asks besides', () => {
  it('reads care asked for "without leaving the flat" or "without travelling" as online care and the family doctors', () => {
    const reply = textOf(talk(core).say('We are in Yantai. Can my mother talk to a doctor without leaving home? She has a cough, no fever.'));
    // (the online care itself, first — not a designation the notice does not make)
    expect(reply.split('\n')[0]).toContain('线上');
  });

  it('reads a treatment no hospital of the city can give (本市没有医院能做) as one not offered locally: the 医政科 route', () => {
    expect(textOf(talk(core).say('我在晋江，是密接，眼科要打的那种针本市没有医院能做，谁来安排'))).toContain('医政科');
  });

  it('adds the hotline when someone wants to make a complaint (提个意见) by phone', () => {
    expect(textOf(talk(core).say('我在忻州管控区，昨天转运车迟到了一个多小时，想提个意见，往哪打电话'))).toContain('0350-3301599');
  });

  it('does not read grown children said to be away (孩子们都在外地) as a child to be cared for', () => {
    const reply = textOf(talk(core).say('我们老两口在忻州封控区，孩子们都在外地，老伴血压高，药快吃完了，去哪看'));
    expect(reply).not.toContain('儿童');
  });
});
