// Identifiers the stores generate.
import { randomBytes, randomUUID } from 'node:crypto';

/** Short enough for staff to type (`/claim 7f3a9c2e41b0`), random enough not to collide. */
export const newTicketId = (): string => randomBytes(6).toString('hex');

export const newOutboxId = (): string => randomUUID();
