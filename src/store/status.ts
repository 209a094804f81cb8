// The live-status overlay from stored rows, the same for every adapter.
import type { LiveStatus } from '../rules/types';

export interface StatusRow {
  facility: string;
  state: 'open' | 'full' | 'closed';
  load?: string | null;
  note?: string | null;
  /** ms since epoch */
  updatedAt: number;
}

export function liveStatus(rows: Iterable<StatusRow>): LiveStatus {
  const status: LiveStatus = { facilities: {} };
  for (const r of rows) {
    status.facilities[r.facility] = {
      state: r.state,
      ...(r.load != null ? { load: r.load } : {}),
      ...(r.note != null ? { note: r.note } : {}),
      updatedAt: new Date(r.updatedAt).toISOString(),
    };
  }
  return status;
}
