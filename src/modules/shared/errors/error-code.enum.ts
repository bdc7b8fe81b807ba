/** The one error vocabulary of the product; each transport maps these codes once. */
export enum ErrorCode {
  VALIDATION_FAILED = 'VALIDATION_FAILED',
  MALFORMED_REQUEST = 'MALFORMED_REQUEST',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  PLATFORM_DISABLED = 'PLATFORM_DISABLED',
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  /** A body that is not JSON in UTF-8. */
  UNSUPPORTED_MEDIA_TYPE = 'UNSUPPORTED_MEDIA_TYPE',
  /** A plan limit (mailboxes of a mailing plan, domains, ...) would be exceeded. */
  PLAN_LIMIT_REACHED = 'PLAN_LIMIT_REACHED',
  /** The domain is the hosting company's own (its AD realm, MPF/PDC hosts, RESERVED_DOMAINS) or under one. */
  DOMAIN_RESERVED = 'DOMAIN_RESERVED',
  /** The domain's DNS does not (yet) hold its verification record. */
  DOMAIN_NOT_VERIFIED = 'DOMAIN_NOT_VERIFIED',
  MPF_NOT_CONFIGURED = 'MPF_NOT_CONFIGURED',
  /** MPF answered with an errorContext; `meta` keeps its code and description. */
  MPF_REJECTED = 'MPF_REJECTED',
  /** MPF could not be reached or did not answer properly (refused, timeout, HTTP 5xx, SOAP Fault). */
  MPF_UNAVAILABLE = 'MPF_UNAVAILABLE',
  /** MPF refused the stored credentials (HTTP 401/403). */
  MPF_AUTH_FAILED = 'MPF_AUTH_FAILED',
  DIRECTORY_UNAVAILABLE = 'DIRECTORY_UNAVAILABLE',
  DIRECTORY_AUTH_FAILED = 'DIRECTORY_AUTH_FAILED',
  DIRECTORY_TLS_FAILED = 'DIRECTORY_TLS_FAILED',
  INTERNAL = 'INTERNAL',
}
