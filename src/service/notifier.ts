// Staff events go to every staff route in the background (a slow route never delays a user's reply); the
// service waits for them when it drains.
import type { StaffEvent } from './ports';
import type { ChannelRegistry } from './registry';

export class Notifier {
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly registry: Pick<ChannelRegistry, 'notifyStaff'>) {}

  notify(event: StaffEvent): void {
    const p = this.registry.notifyStaff(event).finally(() => this.pending.delete(p));
    this.pending.add(p);
  }

  /** Resolves when the events sent so far have reached their routes. */
  async settled(): Promise<void> {
    await Promise.all([...this.pending]);
  }
}
