export { createLogger, sanitize, TEXT_FIELDS, type LoggerOpts, type LogLevel } from './logger';
export { redact, REDACTIONS } from './redact';
