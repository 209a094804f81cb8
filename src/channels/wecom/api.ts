// A WeCom server-API client over axios for one secret (the app's or 微信客服's): gettoken cached
// (token.ts), calls retried once with a fresh token on 40014/42001, errcodes classified into SendOutcomes.
import axios, { type AxiosInstance } from 'axios';
import type { SendOutcome } from '../../service/ports';
import { AccessTokenCache } from './token';

export interface WecomResponse {
  errcode: number;
  errmsg?: string;
  [k: string]: unknown;
}

/** The token was rejected: refresh once and retry. */
export const TOKEN_ERRORS = new Set([40014, 42001]);
/** Frequency / concurrency limits, system busy: try again later. */
const RETRY_LATER = new Set([-1, 45009, 45033, 45011, 45035]);

export class WecomApiError extends Error {
  constructor(
    readonly errcode: number,
    errmsg: string,
  ) {
    super(`wecom errcode ${errcode}: ${errmsg}`);
    this.name = 'WecomApiError';
  }
}

export function createHttp(apiRoot: string): AxiosInstance {
  return axios.create({
    baseURL: apiRoot.replace(/\/+$/, ''),
    timeout: 10_000,
    // WeCom answers errors in the JSON body with HTTP 200; other statuses are handled by the caller
    validateStatus: () => true,
    maxContentLength: 4 * 1024 * 1024,
  });
}

export class WecomApi {
  readonly tokens: AccessTokenCache;

  constructor(
    private readonly http: AxiosInstance,
    corpId: string,
    secret: string,
    now: () => number,
  ) {
    this.tokens = new AccessTokenCache(async () => {
      const res = await http.get('/cgi-bin/gettoken', { params: { corpid: corpId, corpsecret: secret } });
      const body = res.data as Partial<WecomResponse> & { access_token?: string; expires_in?: number };
      if (res.status !== 200 || body?.errcode !== 0 || typeof body.access_token !== 'string') {
        throw new WecomApiError(Number(body?.errcode ?? -res.status), `gettoken failed (${String(body?.errmsg ?? res.status)})`);
      }
      return { token: body.access_token, expiresInS: Number(body.expires_in ?? 7200) };
    }, now);
  }

  /** POST `path` with the access_token; on 40014/42001 the token is refreshed once and the call retried. */
  async post(path: string, body: unknown): Promise<WecomResponse> {
    let res = await this.once(path, body);
    if (TOKEN_ERRORS.has(res.response.errcode)) {
      this.tokens.invalidate(res.token);
      res = await this.once(path, body);
    }
    return res.response;
  }

  private async once(path: string, body: unknown): Promise<{ token: string; response: WecomResponse }> {
    const token = await this.tokens.get();
    const res = await this.http.post(path, body, { params: { access_token: token } });
    if (res.status !== 200 || typeof res.data !== 'object' || res.data === null || typeof res.data.errcode !== 'number') {
      throw new Error(`wecom ${path}: HTTP ${res.status}`);
    }
    return { token, response: res.data as WecomResponse };
  }
}

/** Maps a send call's result (or the error it threw) to what the outbox does next. */
export function outcomeOf(res: WecomResponse | Error): SendOutcome {
  if (res instanceof Error) {
    // gettoken failing (a wrong secret, an IP not trusted) or the network: retry with backoff
    return { ok: false, error: res.message };
  }
  const code = res.errcode;
  if (code === 0) return { ok: true };
  const error = `errcode ${code}${res.errmsg ? `: ${res.errmsg}` : ''}`;
  if (RETRY_LATER.has(code)) return { ok: false, error, retryAfterMs: code === -1 ? 1_000 : 60_000 };
  if (TOKEN_ERRORS.has(code)) return { ok: false, error };
  // our server's IP not in the app's trusted IPs: a configuration fault, keep the messages until it is fixed
  if (code === 60020) return { ok: false, error, retryAfterMs: 5 * 60_000 };
  // invalid / unknown user, not in the app's visible range: this user cannot be reached
  if ([40003, 60111, 81013].includes(code)) return { ok: false, error, permanent: true, blocked: true };
  // anything else is a request WeCom refuses (kf session state, message too long…): retrying will not help
  return { ok: false, error, permanent: true };
}
