// A fall that leaves someone on the floor (the long lie of the old, a hip that may be broken): fallen and not getting
// up, or a leg lying wrong after it — in every variety; not a fall got up from, a morning's 起不来, a market's fall.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { realNlu, urgentFlags } from '../support/nlu';

const nlu = realNlu();
const flags = urgentFlags;

describe('a fall that leaves someone on the floor', () => {
  it.each([
    ['我婆婆在厨房摔了一跤，坐在地上起不来，说大腿根疼'],
    ['老爷子夜里上厕所跌倒了，在地上躺了一宿，人是清醒的'],
    ['阿爺喺浴室跌低咗，起唔到身，我一個人扶唔起佢'],
    ['阮阿嬤跋倒佇灶跤，徛袂起來'],
    ['外婆跌了一跤以后那条腿短了一截，脚尖朝外'],
    ['My grandmother fell in the bathroom and can not get up, she is cold and scared'],
    ['Dad had a fall in the hallway and we cannot lift him, he says his hip hurts'],
    // (a "no harm done" said in another clause does not undo it; found on the floor, or sat in a bath, and unable to rise)
    ['我妈摔了一跤嘴上说没事，可过了大半天还是站不起来'],
    ['外公一上午都在地上躺着，自己根本起不来'],
    ['我婆婆在浴缸里坐着起不来了，喊了我半天'],
  ])('raises %s', (text) => {
    expect(flags(text)).toContain('fall');
  });

  it.each([
    ['奶奶下楼梯滑了一下，自己扶着栏杆起来了，走路没事'],
    ['这几天太累了，早上实在起不来'],
    ['我爸去年摔断了髋骨，做了手术，现在拄拐能走，想问复查去哪'],
    ['今天大盘又跌了，股票跌得起不来了'],
    ['家里的老狗摔了一跤，后腿起不来'],
    ['孩子在沙发上摔倒了，哭了两声就起来玩了'],
    ['我爸摔了一下，没事，自己就站起来了'],
  ])('does not raise %s', (text) => {
    expect(flags(text)).not.toContain('fall');
  });

  it('reads a fall only supposed as a question with the safety line, not an alarm', () => {
    const v = nlu.urgent.detect(nlu.normalise('我们老两口住五楼，万一哪天我摔了起不来，该先找谁').text);
    expect(v.flags).toEqual([]);
    expect(v.caution).toBe(true);
  });
});

// The `falls` family (200 falls left on the floor, 200 look-alikes), written apart from the detector and kept out of
// the scorer's corpus (in it, the blind files lost ten suicidal messages): read by the shipped detector as a family
// it was never trained on. Its rules were refined on its misses, so this guards them rather than measuring them.
describe('the falls family, read by the shipped detector', () => {
  const read = (name: string): { text: string; urgent: boolean }[] =>
    readFileSync(join(__dirname, 'fixtures', name), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { text: string; urgent: boolean });

  it('finds nearly every fall left on the floor, and pages on few of the falls got up from', () => {
    const urgent = read('falls.jsonl');
    const near = read('falls-near.jsonl');
    const found = urgent.filter((e) => flags(e.text).length > 0).length;
    const alarms = near.filter((e) => flags(e.text).length > 0).length;
    expect(found / urgent.length).toBeGreaterThanOrEqual(0.95);
    expect(alarms / near.length).toBeLessThanOrEqual(0.15);
  });
});
