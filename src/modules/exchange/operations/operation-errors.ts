import { DomainError } from '../../shared/errors/domain.error';
import { ErrorCode } from '../../shared/errors/error-code.enum';

/** A failure worth retrying (the external system is busy or unreachable); throw it from a step. */
export class TransientError extends Error {
  readonly transient = true;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TransientError';
  }
}

/** Thrown inside the worker when another worker has taken the operation over (our lease expired). */
export class LeaseLostError extends Error {
  constructor(operationId: string) {
    super(`Lost the lease on operation ${operationId}`);
    this.name = 'LeaseLostError';
  }
}

const TRANSIENT_CODES = new Set<ErrorCode>([ErrorCode.MPF_UNAVAILABLE, ErrorCode.DIRECTORY_UNAVAILABLE]);

/** MPF or the directory being unreachable, or any error marked `transient: true`, is retried with backoff. */
export function isTransient(error: unknown): boolean {
  if (error instanceof DomainError) return TRANSIENT_CODES.has(error.code);
  return (error as { transient?: unknown } | null)?.transient === true;
}

/** A short, secret-free description of an error for `last_error` / step `error`. */
export function describeError(error: unknown): string {
  const text =
    error instanceof DomainError
      ? `${error.code}: ${error.detail}`
      : error instanceof Error
        ? `${error.name}: ${error.message}`
        : String(error);
  return text.slice(0, 2000);
}
