export { createOutbox, type Outbox, type OutboxEvent, type OutboxOptions, type OutboxResult } from './worker';
export { DEFAULT_LIMITS, WECOM_ROBOT_LIMIT, ChannelLimiter, effectiveLimits, type ChannelLimits } from './limits';
export { RateWindow, type Window } from './rate-window';
export { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff';
export { systemClock, type Clock } from './clock';
