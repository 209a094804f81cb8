import { redact } from '../../src/log/redact';

describe('redact', () => {
  it.each([
    ['我电话13912345678，快回', '我电话[电话]，快回'],
    ['电话 139 1234 5678', '电话 [电话]'],
    ['+86 139-1234-5678', '[电话]'],
    ['８６１３９１２３４５６７８'.slice(2), '[电话]'], // full-width digits
    ['医院电话0350-3301599', '医院电话[电话]'],
    ['打（0595）85632120问问', '打[电话]问问'],
    ['0595 8563 2120', '[电话]'],
    ['拨85632120', '拨[电话]'],
    ['拨3301599', '拨[电话]'],
    ['身份证14220219800101123X', '身份证[身份证号]'],
    ['身份证号：142202198001011234。', '身份证号：[身份证号]。'],
    ['老身份证142202800101123', '老身份证[身份证号]'],
    ['邮箱 zhang.san+a@qq.com 谢谢', '邮箱 [邮箱] 谢谢'],
  ])('removes personal numbers: %s', (input, out) => {
    expect(redact(input)).toBe(out);
  });

  it.each([
    '胸口疼打120还是12345',
    '2022年3月5日下午3点',
    '我住3号楼2单元501',
    '订单12345678901234567890', // too long to be a phone or an ID
    '体温38.5度',
    '',
  ])('leaves text without personal numbers alone: %s', (input) => {
    expect(redact(input)).toBe(input);
  });

  it('removes several in one message, and the ID before the phone inside it', () => {
    expect(redact('我是13912345678，爸爸13800001111，身份证14220219800101123x')).toBe('我是[电话]，爸爸[电话]，身份证[身份证号]');
  });
});
