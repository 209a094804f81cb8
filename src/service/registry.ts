// Where channel adapters plug in: their senders (used by the outbox), staff routes (handoff alerts) and
// HTTP routes (webhooks). Filled before the HTTP server is built and the outbox started.
import type { FastifyInstance } from 'fastify';
import type { Channel, ChannelSender, StaffEvent, StaffRoute } from './ports';
import type { ChannelName } from '../core/types';
import type { Logger } from 'pino';

export type RoutePlugin = (app: FastifyInstance) => Promise<void>;

export class ChannelRegistry {
  private readonly senderMap = new Map<ChannelName, ChannelSender>();
  private readonly routes: StaffRoute[] = [];
  private readonly plugins: { name: string; plugin: RoutePlugin }[] = [];
  private readonly channelList: Channel[] = [];

  constructor(private readonly logger?: Logger) {}

  /** Registers everything a channel adapter returns (senders, staff routes, HTTP routes). */
  addChannel(channel: Channel): void {
    this.channelList.push(channel);
    for (const s of channel.senders) this.addSender(s);
    for (const r of channel.staffRoutes) this.addStaffRoute(r);
    if (channel.routes) this.addRoutes(channel.name, channel.routes);
  }

  addSender(sender: ChannelSender): void {
    if (this.senderMap.has(sender.channel)) throw new Error(`a sender for channel "${sender.channel}" is already registered`);
    this.senderMap.set(sender.channel, sender);
  }

  addStaffRoute(route: StaffRoute): void {
    this.routes.push(route);
  }

  /** How many staff routes will hear of a handoff (0: nobody is alerted; the reply must not say they are). */
  get staffRouteCount(): number {
    return this.routes.length;
  }

  /** A fastify plugin with the channel's webhook routes; registered when the HTTP server is built. */
  addRoutes(name: string, plugin: RoutePlugin): void {
    this.plugins.push({ name, plugin });
  }

  sender(channel: ChannelName): ChannelSender | undefined {
    return this.senderMap.get(channel);
  }

  get senders(): ChannelSender[] {
    return [...this.senderMap.values()];
  }

  get staffRoutes(): readonly StaffRoute[] {
    return this.routes;
  }

  get routePlugins(): readonly { name: string; plugin: RoutePlugin }[] {
    return this.plugins;
  }

  get channels(): readonly Channel[] {
    return this.channelList;
  }

  /** Sends a staff event to every route; one route failing does not stop the others. */
  async notifyStaff(event: StaffEvent): Promise<void> {
    await Promise.all(
      this.routes.map(async (route) => {
        try {
          await route.notify(event);
        } catch (err) {
          this.logger?.error({ err, route: route.name, event: event.kind, ticket: event.ticket.id }, 'staff route failed');
        }
      }),
    );
  }
}
