import { join } from 'node:path';
import { format, loadLocales, LocaleError, parseLocales } from '../../src/render/locale';

const zh = 'version: 1\nlang: zh\nmessages:\n  hello: "你好，{name}"\n  bye: "再见"\n';

describe('locales', () => {
  it('loads the shipped locales, with every zh key in en', () => {
    const l = loadLocales(join(__dirname, '..', '..', 'locales'));
    expect(Object.keys(l.en).sort()).toEqual(Object.keys(l.zh).sort());
    expect(format(l.zh, 'ask_locality', { localities: '忻州市' })).toContain('忻州市');
  });

  it('refuses a locale missing a key, naming file and key', () => {
    const en = 'version: 1\nlang: en\nmessages:\n  hello: "Hello, {name}"\n';
    expect(() => parseLocales({ 'zh-CN.yml': zh, 'en.yml': en })).toThrow('en.yml: messages.bye: missing (present in zh-CN.yml)');
  });

  it('refuses placeholders that differ from zh', () => {
    const en = 'version: 1\nlang: en\nmessages:\n  hello: "Hello, {who}"\n  bye: "Bye"\n';
    expect(() => parseLocales({ 'zh-CN.yml': zh, 'en.yml': en })).toThrow(/en\.yml: messages\.hello: placeholders \{who\}/);
  });

  it('refuses unknown keys, bad YAML and a wrong shape', () => {
    const extra = 'version: 1\nlang: en\nmessages:\n  hello: "Hi {name}"\n  bye: "Bye"\n  hi: "Hi"\n';
    expect(() => parseLocales({ 'zh-CN.yml': zh, 'en.yml': extra })).toThrow('en.yml: messages.hi: unknown key');
    expect(() => parseLocales({ 'zh-CN.yml': 'version: 1\nlang: [' })).toThrow(LocaleError);
    expect(() => parseLocales({ 'zh-CN.yml': 'version: 2\nlang: zh\nmessages: {}\n' })).toThrow(/zh-CN\.yml: version/);
  });

  it('format fills placeholders and refuses a missing value', () => {
    const l = parseLocales({ 'zh-CN.yml': zh });
    expect(format(l.zh, 'hello', { name: '张三' })).toBe('你好，张三');
    expect(() => format(l.zh, 'hello')).toThrow('message "hello" needs {name}');
    expect(() => format(l.zh, 'nope')).toThrow('no message "nope"');
  });
});
