// A reply plan: what to say, as locale message keys with values or as facts quoted from a rule book,
// before it is rendered in the user's language and script.
import type { QuickReply, Slot } from '../core/types';
import type { RuleBook } from '../rules/types';

/** A locale message inside another's value ("{name}（已满）" in a list of hospitals). */
export interface MessageRef {
  key: string;
  vars: Record<string, Value>;
}

export type Value = string | number | (string | MessageRef)[];

export type Line =
  /** A locale message; list values are joined with the locale's separator. */
  | { key: string; vars?: Record<string, Value> }
  /** A fact as the notice words it. */
  | { fact: string }
  /** Ordered steps, numbered when there are several, under an optional title. */
  | { steps: string[]; title?: string };

export interface Plan {
  lines: Line[];
  /** Rule books cited: a citation line is rendered for each, at the end. */
  cite: RuleBook[];
  urgent: boolean;
  handoff: boolean;
  handoffReason?: string;
  ask: Slot | null;
  quickReplies: QuickReply[];
  locality?: string;
  intent: string;
  /** Lines of the first message when the reply is sent in two (urgent: 120 and the route first). */
  firstPart?: number;
  /** Why a human should review this reply, if they should (see Reply.review). */
  review?: 'fallback' | 'low_confidence' | 'not_in_notice';
}

export function plan(intent: string, lines: Line[] = [], extra: Partial<Plan> = {}): Plan {
  return { lines, cite: [], urgent: false, handoff: false, ask: null, quickReplies: [], intent, ...extra };
}

export const say = (key: string, vars?: Record<string, Value>): Line => (vars ? { key, vars } : { key });
export const fact = (text: string): Line => ({ fact: text });
export const steps = (list: string[], title?: string): Line => (title ? { steps: list, title } : { steps: list });
