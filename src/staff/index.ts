// The staff desk: accounts, the console's actions, its live hub and the login limiter, wired to the
// service; its staff route (claims and closes into the audit log, live events) joins the registry.
import type { Logger } from 'pino';
import type { Metrics } from '../service/metrics';
import type { ChannelRegistry } from '../service/registry';
import type { Service } from '../service/service';
import type { Store } from '../store/port';
import { StaffAccounts } from './accounts';
import { StaffConsole } from './console';
import { ConsoleHub, consoleRoute } from './events';
import { LoginLimiter } from './login-limit';

export interface StaffDesk {
  accounts: StaffAccounts;
  console: StaffConsole;
  hub: ConsoleHub;
  logins: LoginLimiter;
}

export function createStaffDesk(d: { service: Service; store: Store; registry: ChannelRegistry; metrics?: Metrics; logger: Logger; now?: () => number }): StaffDesk {
  const hub = new ConsoleHub();
  d.registry.addStaffRoute(consoleRoute({ hub, store: d.store, timeToClaim: d.metrics?.timeToClaim, logger: d.logger }));
  return {
    accounts: new StaffAccounts(d.store, { now: d.now }),
    console: new StaffConsole({ service: d.service, store: d.store, hub, logger: d.logger, now: d.now }),
    hub,
    logins: new LoginLimiter(),
  };
}

export type { Actor } from './accounts';
