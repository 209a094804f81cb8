import { runCli } from '../../src/cli/commands';

async function cli(...args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (s) => void (out += s), err: (s) => void (err += s) });
  return { code, out, err };
}

describe('the command line', () => {
  it('--help, -h and help print every command on stdout and exit 0', async () => {
    for (const flag of ['--help', '-h', 'help']) {
      const r = await cli(flag);
      expect(r.code).toBe(0);
      for (const c of ['ask', 'chat', 'kb', 'replay', 'rules validate', 'rules show', 'rules draft', 'nlu', 'staff add', 'review export']) expect(r.out).toContain(`  ${c}`);
    }
  });

  it('<command> --help prints that command’s usage without running it', async () => {
    const r = await cli('rules', '--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('rules validate [DIR]');
    expect(r.out).not.toContain('  ask');
    expect((await cli('ask', '-h')).out).toContain('ask "<text>"');
  });

  it('no command or an unknown one: usage on stderr, exit 2', async () => {
    expect(await cli()).toMatchObject({ code: 2, out: '' });
    const r = await cli('frobnicate');
    expect(r.code).toBe(2);
    expect(r.err).toContain('unknown command "frobnicate"');
  });
});
