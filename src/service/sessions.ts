// Sessions changed by more than one writer (a message's turn, staff claiming or closing a ticket), on one
// instance or several: read with its version, changed, saved only if the version is still the one read,
// and on a conflict read again and changed again. Nothing another writer saved meanwhile is lost.
import { newSession, type ChannelName, type Session } from '../core/types';
import type { Store } from '../store/port';

export const sessionKey = (channel: ChannelName, user: string): string => `${channel}:${user}`;

/** Conflicts in a row before giving up: each means another writer saved this very session meanwhile. */
export const MAX_SESSION_CONFLICTS = 8;

export class SessionConflict extends Error {
  constructor(key: string) {
    super(`session ${key.split(':')[0]}:… changed ${MAX_SESSION_CONFLICTS} times while being updated`);
    this.name = 'SessionConflict';
  }
}

/** Applies `change` to the stored session (a new one when none), however many writers race. */
export async function updateSession(store: Pick<Store, 'readSession' | 'saveSession'>, key: string, change: (s: Session) => void, now: () => number): Promise<void> {
  for (let i = 0; i < MAX_SESSION_CONFLICTS; i++) {
    const stored = await store.readSession(key);
    const s = stored?.session ?? newSession();
    change(s);
    if (await store.saveSession(key, s, now(), stored?.version ?? null)) return;
  }
  throw new SessionConflict(key);
}
