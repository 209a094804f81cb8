// An access_token cache: kept until shortly before `expires_in`, one fetch in flight shared by every caller
// (single-flight), and invalidated only when the token that failed is still the cached one (so a burst of
// 42001s causes one refresh, not one per send).

export interface FetchedToken {
  token: string;
  expiresInS: number;
}

export class AccessTokenCache {
  private token: string | null = null;
  private expiresAt = 0;
  private inFlight: Promise<string> | null = null;

  constructor(
    private readonly fetchToken: () => Promise<FetchedToken>,
    private readonly now: () => number,
    /** Refresh this long before the platform's expiry (ms). */
    private readonly marginMs = 5 * 60_000,
  ) {}

  async get(): Promise<string> {
    if (this.token !== null && this.now() < this.expiresAt) return this.token;
    if (this.inFlight) return this.inFlight;
    const p = (async () => {
      try {
        const { token, expiresInS } = await this.fetchToken();
        const lifeMs = expiresInS * 1000;
        // a short-lived token keeps at least half its life rather than expiring at once
        this.token = token;
        this.expiresAt = this.now() + Math.max(lifeMs - this.marginMs, lifeMs / 2);
        return token;
      } finally {
        this.inFlight = null;
      }
    })();
    this.inFlight = p;
    return p;
  }

  /** The platform rejected `token` (40014/42001): forget it if it is still the one cached. */
  invalidate(token: string): void {
    if (this.token === token) {
      this.token = null;
      this.expiresAt = 0;
    }
  }
}
