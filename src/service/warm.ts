// One turn in traditional script through a freshly loaded core, off the request path: it loads OpenCC's
// simplified → traditional tables (a quarter of a second) and compiles the pipeline's hot paths, which the
// first resident writing in traditional script would otherwise wait for. The core is pure: nothing is kept.
import { newSession, type Core } from '../core/types';
import { EMPTY_STATUS } from '../rules/types';

export function warmUp(core: Core): Core {
  try {
    core.turn({ channel: 'cli', messageId: 'warm-up', user: 'warm-up', chat: 'warm-up', kind: 'text', text: '請問封控區洗腎去哪家醫院', sentAt: 0 }, newSession(), { status: EMPTY_STATUS, now: 0 });
  } catch {
    // a core that fails here fails on real messages too, and says so there
  }
  return core;
}
