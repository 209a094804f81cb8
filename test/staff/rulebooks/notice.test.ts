// A pasted or uploaded notice checked before it is drafted.
import { checkNotice, MAX_NOTICE_CHARS } from '../../../src/staff/rulebooks/notice';
import { fixture } from '../../rules/draft/support';

describe('checkNotice', () => {
  it('takes a notice as pasted, its line breaks made \\n and a byte-order mark dropped', () => {
    const text = fixture('qinglan-sentences.txt');
    expect(checkNotice(text)).toEqual({ ok: true, text });
    const windows = `\uFEFF${text.replace(/\n/g, '\r\n')}`;
    expect(checkNotice(windows)).toEqual({ ok: true, text });
  });

  it('refuses an empty text', () => {
    for (const t of ['', ' \n\t\r\n ']) expect(checkNotice(t)).toMatchObject({ ok: false, code: 'empty', message: expect.stringContaining('empty') });
  });

  it('refuses a text longer than it reads, saying how long it is', () => {
    const r = checkNotice('通'.repeat(MAX_NOTICE_CHARS + 1));
    expect(r).toMatchObject({ ok: false, code: 'too_long' });
    expect(!r.ok && r.message).toContain(String(MAX_NOTICE_CHARS + 1));
  });

  it('refuses a binary file read as text, and text in another encoding read as UTF-8', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, ...Array(200).fill(0xff)]).toString('utf8');
    expect(checkNotice(png)).toMatchObject({ ok: false, code: 'not_text' });
    // 封控区居民就医 in GBK, read as UTF-8: every byte pair a replacement character
    const gbk = Buffer.from('b7e2bfd8c7f8bed3c3f1becdd2bd'.repeat(20), 'hex').toString('utf8');
    expect(checkNotice(gbk)).toMatchObject({ ok: false, code: 'not_text', message: expect.stringContaining('UTF-8') });
  });

  it('lets through the odd stray character of a copied page', () => {
    const text = `${fixture('qinglan-sentences.txt')}\u0007\uFFFD`;
    expect(checkNotice(text).ok).toBe(true);
  });
});
