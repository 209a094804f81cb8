// A turn in traditional script and one in English through a freshly loaded core, off the request path: they load
// OpenCC's simplified → traditional tables (a quarter of a second), build the English glossary and the pinyin reader
// (a fifth of a second) and compile the pipeline's hot paths, which the first resident writing in traditional script
// or in English would otherwise wait for. The core is pure: nothing is kept.
import { newSession, type Core } from '../core/types';
import { loadPinyin } from '../nlu/pinyin';
import { EMPTY_STATUS } from '../rules/types';

/** A message in traditional script (OpenCC's tables, the pipeline's hot paths) and one in English (the English
 * glossary and the pinyin reader, built at the first message with Latin letters). */
const WARM_TEXTS = ['請問封控區洗腎去哪家醫院', 'where is the fever clinic'];

function warmTurn(core: Core, text: string): void {
  try {
    core.turn({ channel: 'cli', messageId: 'warm-up', user: 'warm-up', chat: 'warm-up', kind: 'text', text, sentAt: 0 }, newSession(), { status: EMPTY_STATUS, now: 0 });
  } catch {
    // a core that fails here fails on real messages too, and says so there
  }
}

export function warmUp(core: Core): Core {
  for (const text of WARM_TEXTS) warmTurn(core, text);
  return core;
}

/** Between two steps of the warm-up: a new connection takes two turns of the event loop (accepted, then
 * read), which a bare setImmediate or setTimeout(0) would not leave it. */
const GAP_MS = 10;

/**
 * The same warm-up just after the server starts listening, in steps with the event loop free between them:
 * OpenCC's traditional tables (a notice rendered in traditional script), pinyin-pro, then the turns. At
 * once it held the thread for a third of a second, and the first requests (the orchestrator's /healthz, as a
 * rule) waited for all of it; now they wait for one step at most. Unreferenced timers: a process that is
 * otherwise done does not stay for it. `core` is read at each step (a reload may have replaced it).
 */
export async function warmUpInSteps(core: () => Core): Promise<void> {
  const steps = [() => void core().escalationNotice(undefined, { script: 'traditional', lang: 'zh' }), loadPinyin, ...WARM_TEXTS.map((text) => () => warmTurn(core(), text))];
  for (const step of steps) {
    await new Promise((resolve) => setTimeout(resolve, GAP_MS).unref());
    try {
      step();
    } catch {
      // as warmUp: a failure shows on real messages
    }
  }
}
