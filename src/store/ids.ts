// Identifiers the stores generate.
import { randomBytes, randomUUID } from 'node:crypto';
import type { Ticket } from '../service/ports';
import type { NewTicket } from './port';

/** Short enough for staff to type (`/claim 7f3a9c2e41b0`), random enough not to collide. */
export const newTicketId = (): string => randomBytes(6).toString('hex');

export const newOutboxId = (): string => randomUUID();

/** A ticket as first stored: a fresh id, open, level 0, created now. */
export const newTicket = (input: NewTicket, now: number): Ticket => ({
  ...input,
  id: newTicketId(),
  state: input.state ?? 'open',
  level: input.level ?? 0,
  lastMessages: input.lastMessages ?? [],
  createdAt: now,
  updatedAt: now,
});
