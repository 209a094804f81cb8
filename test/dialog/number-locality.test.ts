// A number one notice prints tells the locality a question is about when no place is named; a number several books
// print, a short service line, or a number no book prints tells nothing.
import { numberLocality } from '../../src/dialog/number-locality';
import { data } from '../support/rules';

const { rules } = data();

describe('the locality of a number', () => {
  it("reads a number one notice prints as that notice's locality, with or without its separators", () => {
    expect(numberLocality('网页底下那个0350-3026833能打吗', rules)).toBe('xinzhou');
    expect(numberLocality('打 0350 3301599 一直占线', rules)).toBe('xinzhou');
  });

  it('tells nothing from a short service line, an unlisted number, or numbers of two notices', () => {
    // (96678 is printed on 烟台's page alone, but a five-digit line is a province's or the nation's, not a city's)
    expect(numberLocality('打了96678没人接', rules)).toBeUndefined();
    expect(numberLocality('我的电话是13800001111，有事打我', rules)).toBeUndefined();
    expect(numberLocality('0350-3301599 和 28220052 哪个能打', rules)).toBeUndefined();
  });
});
