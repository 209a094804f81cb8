// WeCom channels: the self-built app (callback + message/send), 微信客服 (kf: sync_msg / send_msg and the
// handoff of sessions to human reception) and the group robot (staff alerts). Each part starts only when
// its configuration is present; the service validates the WECOM_* variables and passes them here.
import type { WecomConfig as ServiceWecomConfig } from '../../config';
import type { Channel, ChannelDeps, ChannelSender, StaffRoute } from '../../service/ports';
import type { ChannelFactoryDeps } from '../../service/types';
import { createHttp, WecomApi } from './api';
import { callbackRoutes } from './callback';
import { cursorKey, createKfHandoffRoute, KfSync } from './kf';
import { RobotRoute } from './robot';
import { createAppSender, createKfSender } from './senders';

/** Flat WeCom configuration; every part optional: the app, kf and robot each start only when theirs is set. */
export interface WecomChannelConfig {
  /** WECOM_CORP_ID: also the receive id every callback must carry. */
  corpId?: string;
  /** WECOM_TOKEN: the callback Token (msg_signature). */
  token?: string;
  /** WECOM_AES_KEY: the callback EncodingAESKey (43 characters). */
  aesKey?: string;
  /** WECOM_AGENT_ID */
  agentId?: string | number;
  /** WECOM_SECRET: the app's secret (its access_token). */
  secret?: string;
  /** WECOM_API_ROOT, default https://qyapi.weixin.qq.com */
  apiRoot?: string;
  /** WECOM_MAX_SKEW_S, default 300; 0 turns the timestamp check off. */
  maxSkewS?: number;
  /** WECOM_KF_SECRET: 微信客服's secret (its own access_token). */
  kfSecret?: string;
  /** WECOM_KF_OPEN_KFID */
  kfOpenKfid?: string;
  /** WECOM_ROBOT_WEBHOOK: the group robot's full webhook URL. */
  robotWebhook?: string;
  /** Optional: hand kf sessions to this receptionist (state 3) instead of the reception pool (state 2). */
  kfServicerUserid?: string;
  /** Optional: how staff take a ticket, shown in robot alerts; `{id}` is replaced by the ticket id. */
  robotTakeHint?: string;
}

/** A Channel, plus handles on its background parts (for tests and shutdown). */
export interface WecomChannel extends Channel {
  kf: KfSync | null;
  robot: RobotRoute | null;
  /** Which parts are configured. */
  parts: { callback: boolean; app: boolean; kf: boolean; robot: boolean };
}

export const DEFAULT_API_ROOT = 'https://qyapi.weixin.qq.com';

/** The service's nested `config.wecom` (src/config/schema.ts) → the flat form. */
export function fromServiceConfig(w: ServiceWecomConfig): WecomChannelConfig {
  return {
    apiRoot: w.apiRoot,
    maxSkewS: w.maxSkewS,
    ...(w.app
      ? { corpId: w.app.corpId, token: w.app.token, aesKey: w.app.aesKey, agentId: w.app.agentId, secret: w.app.secret }
      : {}),
    ...(w.kf ? { kfSecret: w.kf.secret, kfOpenKfid: w.kf.openKfid } : {}),
    ...(w.robotWebhook ? { robotWebhook: w.robotWebhook } : {}),
  };
}

/**
 * Either `createWecomChannel(config, deps)` with the flat config, or `createWecomChannel(deps)` as a
 * ChannelFactory (reads `deps.config.wecom`).
 */
export function createWecomChannel(config: WecomChannelConfig, deps: ChannelDeps): WecomChannel;
export function createWecomChannel(deps: ChannelFactoryDeps): WecomChannel;
export function createWecomChannel(a: WecomChannelConfig | ChannelFactoryDeps, b?: ChannelDeps): WecomChannel {
  if (b === undefined) {
    const fd = a as ChannelFactoryDeps;
    if (!fd.config?.wecom) throw new Error('createWecomChannel: config.wecom is not set');
    return build(fromServiceConfig(fd.config.wecom), fd);
  }
  return build(a as WecomChannelConfig, b);
}

function build(c: WecomChannelConfig, deps: ChannelDeps): WecomChannel {
  if (c.aesKey !== undefined && !/^[A-Za-z0-9+/]{43}$/.test(c.aesKey)) throw new Error('WECOM_AES_KEY: must be the 43-character EncodingAESKey');
  if (c.maxSkewS !== undefined && (!Number.isFinite(c.maxSkewS) || c.maxSkewS < 0)) throw new Error('WECOM_MAX_SKEW_S: must be a number ≥ 0');
  const http = createHttp(c.apiRoot ?? DEFAULT_API_ROOT);
  const logger = deps.logger;

  const parts = {
    callback: !!(c.corpId && c.token && c.aesKey),
    app: !!(c.corpId && c.secret && c.agentId !== undefined && c.agentId !== ''),
    kf: !!(c.corpId && c.kfSecret && c.kfOpenKfid),
    robot: !!c.robotWebhook,
  };

  if (c.kfSecret && !parts.kf) logger.warn('wecom: 微信客服 not started: it needs WECOM_CORP_ID and WECOM_KF_OPEN_KFID with WECOM_KF_SECRET');
  if (parts.kf && !parts.callback) logger.warn('wecom: 微信客服 events arrive on the app callback, which is not configured: only the start-up catch-up will sync');
  if (c.secret && !parts.app) logger.warn('wecom: the app cannot send: it needs WECOM_CORP_ID and WECOM_AGENT_ID with WECOM_SECRET');

  const senders: ChannelSender[] = [];
  const staffRoutes: StaffRoute[] = [];

  if (parts.app) senders.push(createAppSender(new WecomApi(http, c.corpId!, c.secret!, deps.now), c.agentId!));

  let kf: KfSync | null = null;
  if (parts.kf) {
    const kfApi = new WecomApi(http, c.corpId!, c.kfSecret!, deps.now);
    kf = new KfSync(kfApi, deps.inbound, deps.kv, logger.child({ part: 'kf' }), deps.now);
    senders.push(createKfSender(kfApi));
    staffRoutes.push(createKfHandoffRoute(kfApi, logger.child({ part: 'kf' }), c.kfServicerUserid));
  }

  let robot: RobotRoute | null = null;
  if (parts.robot) {
    robot = new RobotRoute({
      webhook: c.robotWebhook!,
      http,
      kv: deps.kv,
      logger: logger.child({ part: 'robot' }),
      now: deps.now,
      localities: deps.localities,
      ...(c.robotTakeHint ? { takeHint: c.robotTakeHint } : {}),
    });
    staffRoutes.push(robot);
  }

  const kfSync = kf;
  const routes = parts.callback
    ? callbackRoutes({
        corpId: c.corpId!,
        token: c.token!,
        aesKey: c.aesKey!,
        maxSkewS: c.maxSkewS ?? 300,
        inbound: deps.inbound,
        logger,
        now: deps.now,
        ...(kfSync ? { onKfEvent: (openKfid: string, token: string) => void kfSync.onEvent(openKfid, token) } : {}),
      })
    : undefined;

  return {
    name: 'wecom',
    senders,
    staffRoutes,
    ...(routes ? { routes } : {}),
    kf,
    robot,
    parts,
    async start() {
      if (robot) await robot.start();
      // catch up on 微信客服 messages that arrived while we were down (only once a cursor exists: a first
      // sync without one would answer the last days' history)
      if (kfSync && (await deps.kv.get(cursorKey(c.kfOpenKfid!)))) void kfSync.onEvent(c.kfOpenKfid!);
      logger.info({ parts }, 'wecom channel started');
    },
    async stop() {
      robot?.stop();
      kfSync?.stop();
      await kfSync?.idle();
    },
  };
}
