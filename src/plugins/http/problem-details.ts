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
  [ErrorCode.UNSUPPORTED_MEDIA_TYPE]: {
    status: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
    title: 'Unsupported body type',
  },
  [ErrorCode.PLAN_LIMIT_REACHED]: {
    status: HttpStatus.CONFLICT,
    title: "The plan's limit would be exceeded",
  },
  [ErrorCode.DOMAIN_RESERVED]: {
    status: HttpStatus.FORBIDDEN,
    title: 'The domain is reserved by the hosting company',
  },
  [ErrorCode.DOMAIN_NOT_VERIFIED]: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    title: "The domain's verification record was not found in DNS",
  },
  [ErrorCode.MPF_NOT_CONFIGURED]: {
    status: HttpStatus.CONFLICT,
    title: 'The MPF connection is not configured',
  },
  [ErrorCode.MPF_REJECTED]: { status: HttpStatus.BAD_GATEWAY, title: 'MPF refused the request' },
  [ErrorCode.MPF_UNAVAILABLE]: { status: HttpStatus.SERVICE_UNAVAILABLE, title: 'MPF is unavailable' },
  [ErrorCode.MPF_AUTH_FAILED]: { status: HttpStatus.BAD_GATEWAY, title: 'MPF refused our credentials' },
  [ErrorCode.DIRECTORY_UNAVAILABLE]: {
    status: HttpStatus.SERVICE_UNAVAILABLE,
    title: 'Active Directory is unavailable',
  },
  [ErrorCode.DIRECTORY_AUTH_FAILED]: {
    status: HttpStatus.BAD_GATEWAY,
    title: 'Active Directory refused our credentials',
  },
  [ErrorCode.DIRECTORY_TLS_FAILED]: {
    status: HttpStatus.BAD_GATEWAY,
    title: 'TLS with Active Directory failed',
  },
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
  meta?: Record<string, string>;
  instance?: string;
  requestId?: string;
}

export function problemOf(
  code: ErrorCode,
  detail: string,
  errors: FieldError[] = [],
  meta: Record<string, string> = {},
): ProblemDetails {
  const { status, title } = HTTP_ERRORS[code];
  return {
    type: `urn:exchange-hosting:problem:${code.toLowerCase().replace(/_/g, '-')}`,
    title,
    status,
    detail,
    code,
    ...(errors.length > 0 && { errors }),
    ...(Object.keys(meta).length > 0 && { meta }),
  };
}
