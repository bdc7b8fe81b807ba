import { ErrorCode } from './error-code.enum';

/** One invalid input field and the rule it broke. */
export interface FieldError {
  field: string;
  rule: string;
  message: string;
}

export interface DomainErrorOptions {
  errors?: FieldError[];
  /** Facts a caller may show, e.g. an MPF error's `mpfCode` and `mpfDescription`. Never secrets. */
  meta?: Record<string, string>;
  cause?: unknown;
}

/** The single error class of the domain; transports map `code` to their own vocabulary. */
export class DomainError extends Error {
  readonly errors: FieldError[];
  readonly meta: Record<string, string>;

  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    options: DomainErrorOptions = {},
  ) {
    super(detail, { cause: options.cause });
    this.name = 'DomainError';
    this.errors = options.errors ?? [];
    this.meta = options.meta ?? {};
  }

  static validation(errors: FieldError[]): DomainError {
    const summary = errors.map((e) => `${e.field}: ${e.message}`).join('; ');
    return new DomainError(ErrorCode.VALIDATION_FAILED, `Invalid input: ${summary}`, { errors });
  }
}
