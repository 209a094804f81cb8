import { ONE_SPELLING, spellingsOf } from '../../src/urgent/spellings';

describe('spellingsOf', () => {
  const spell = spellingsOf([
    ['什么', '啥'],
    ['怎么', '咋'],
  ]);

  it('gives a word first, then its other spellings', () => {
    expect(spell('没什么反应')).toEqual(['没什么反应', '没啥反应']);
    expect(spell('咋区分')).toEqual(['咋区分', '怎么区分']);
  });

  it('spells each interchangeable part every way', () => {
    expect(spell('为什么怎么办').sort()).toEqual(['为什么咋办', '为什么怎么办', '为啥咋办', '为啥怎么办'].sort());
  });

  it('leaves a word with none of them alone', () => {
    expect(spell('胸口疼')).toEqual(['胸口疼']);
  });

  it('is the word alone without classes', () => {
    expect(spellingsOf([])('什么')).toEqual(['什么']);
    expect(ONE_SPELLING('啥')).toEqual(['啥']);
  });
});
