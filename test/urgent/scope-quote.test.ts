// Words quoted from a post: the quotation marks around a mention, and what names the quote's source.
import { quotedReader } from '../../src/urgent/scope-quote';

const quoted = quotedReader('的?(?:帖子|文章)', '(?:文章)(?:里)?(?:说)?[:：]?');
const at = (text: string, word: string): [number, number] => {
  const i = text.indexOf(word);
  return [i, i + word.length];
};

describe('quotedReader', () => {
  it('reads a mention inside a quotation named a post by what follows or precedes it', () => {
    const a = "群里转了个'胸口疼就是心梗'的帖子";
    expect(quoted(a, ...at(a, '胸口疼'))).toBe(true);
    const b = '文章里说:"孩子高烧抽搐先侧躺"';
    expect(quoted(b, ...at(b, '抽搐'))).toBe(true);
    const c = '看了《产后大出血的信号》的文章';
    expect(quoted(c, ...at(c, '大出血'))).toBe(true);
  });

  it('does not read a quotation with no source named, or a mention outside it', () => {
    const a = "我妹发来'我胸口好痛'，电话打不通";
    expect(quoted(a, ...at(a, '胸口好痛'))).toBe(false);
    const b = "群里转了个'注意保暖'的帖子，我爸胸口疼";
    expect(quoted(b, ...at(b, '胸口疼'))).toBe(false);
  });

  it('does not count an apostrophe between letters (it\'s, I\'ve) as a quotation mark', () => {
    const a = "it's 群里转的'胸口疼就是心梗'的帖子";
    expect(quoted(a, ...at(a, '胸口疼'))).toBe(true);
    const b = "I've seen it: '注意保暖'的帖子 and dad's 胸口疼 now";
    expect(quoted(b, ...at(b, '胸口疼'))).toBe(false);
  });
});
