// The real core, loaded from this checkout's rules/, intents/ and locales/, once per test file.
import { loadCore } from '../../src/core/load';
import { newSession, type Core, type Inbound, type Reply, type Session } from '../../src/core/types';
import { EMPTY_STATUS, type LiveStatus } from '../../src/rules/types';

let loading: Promise<Core> | undefined;
export const realCore = (): Promise<Core> => (loading ??= loadCore());

/** A conversation with the core, threading the session as the service does. */
export function talk(core: Core, opts: { status?: LiveStatus; user?: string } = {}) {
  let session: Session = newSession();
  let n = 0;
  const user = opts.user ?? 'test-user';
  return {
    say(text: string, extra: Partial<Inbound> = {}): Reply | null {
      n += 1;
      const inbound: Inbound = { channel: 'cli', messageId: String(n), user, chat: user, kind: 'text', text, sentAt: 0, ...extra };
      const r = core.turn(inbound, session, { status: opts.status ?? EMPTY_STATUS, now: 1_700_000_000_000 + n });
      session = r.session;
      return r.reply;
    },
    get session() {
      return session;
    },
    set session(s: Session) {
      session = s;
    },
  };
}

export const textOf = (r: Reply | null): string => (r ? r.parts.join('\n') : '');
