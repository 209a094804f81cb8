// Errors the service raises for callers to map (the HTTP error table in src/http/errors.ts uses the code).
export type ServiceErrorCode = 'ticket_not_found' | 'facility_not_found' | 'ticket_state' | 'invalid_field';

export class ServiceError extends Error {
  constructor(
    readonly code: ServiceErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}
