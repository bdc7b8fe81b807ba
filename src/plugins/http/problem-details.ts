import { HttpStatus } from '@nestjs/common';
import { ErrorCode } from '../../modules/shared/errors/error-code.enum';
import type { FieldError } from '../../modules/shared/errors/domain.error';

/** The one mapping from domain error codes to HTTP: status and a short human title per code. */
export const HTTP_ERRORS: Record<ErrorCode, { status: HttpStatus; title: string }> = {
  [ErrorCode.VALIDATION_FAILED]: { status: HttpStatus.BAD_REQUEST, title: 'Invalid input' },
  [ErrorCode.MALFORMED_REQUEST]: { status: HttpStatus.BAD_REQUEST, title: 'Malformed request' },
  [ErrorCode.UNAUTHENTICATED]: { status: HttpStatus.UNAUTHORIZED, title: 'Request not authenticated' },
  [ErrorCode.FORBIDDEN]: { status: HttpStatus.FORBIDDEN, title: 'Not allowed for this actor' },
  [ErrorCode.NOT_FOUND]: { status: HttpStatus.NOT_FOUND, title: 'Not found' },
  [ErrorCode.CONFLICT]: { status: HttpStatus.CONFLICT, title: 'Conflict with the current state' },
  [ErrorCode.PLATFORM_DISABLED]: { status: HttpStatus.CONFLICT, title: 'Exchange hosting is disabled' },
  [ErrorCode.PAYLOAD_TOO_LARGE]: { status: HttpStatus.PAYLOAD_TOO_LARGE, title: 'Request body too large' },
  [ErrorCode.INTERNAL]: { status: HttpStatus.INTERNAL_SERVER_ERROR, title: 'Internal error' },
};

/** RFC 9457 problem document, with our error code and the per-field errors. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  errors?: FieldError[];
  instance?: string;
  requestId?: string;
}

export function problemOf(code: ErrorCode, detail: string, errors: FieldError[] = []): ProblemDetails {
  const { status, title } = HTTP_ERRORS[code];
  return {
    type: `urn:exchange-hosting:problem:${code.toLowerCase().replace(/_/g, '-')}`,
    title,
    status,
    detail,
    code,
    ...(errors.length > 0 && { errors }),
  };
}
