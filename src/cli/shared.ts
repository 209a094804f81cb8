// What the conversational CLI commands share: loading the core from this checkout's data, and a
// conversation that threads the session through turns the way the service does.
import { loadCore } from '../core/load';
import { newSession, type Core, type Reply, type Session } from '../core/types';
import { EMPTY_STATUS } from '../rules/types';

export async function cliCore(): Promise<Core> {
  const segmenter = process.env.JIUYI_SEGMENTER === 'nodejieba' ? 'nodejieba' : 'node-rs';
  return loadCore({ segmenter });
}

export interface Conversation {
  say(text: string): Reply | null;
  readonly session: Session;
}

export function conversation(core: Core, user: string, channel: 'cli' = 'cli'): Conversation {
  let session = newSession();
  let n = 0;
  return {
    say(text) {
      n += 1;
      const inbound = { channel, messageId: `${user}:${n}`, user, chat: user, kind: 'text', text, sentAt: Date.now() };
      const r = core.turn(inbound, session, { status: EMPTY_STATUS, now: Date.now() });
      session = r.session;
      return r.reply;
    },
    get session() {
      return session;
    },
  };
}

/** The reply as the eval format wants it: one text a turn, flags, the slot asked for. */
export const replyRecord = (r: Reply | null) => ({
  text: r ? r.parts.join('\n') : '',
  urgent: r?.urgent ?? false,
  handoff: r?.handoff ?? false,
  ask: r?.ask ?? null,
});
