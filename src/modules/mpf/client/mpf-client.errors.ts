import { DomainError } from '../../shared/errors/domain.error';
import { ErrorCode } from '../../shared/errors/error-code.enum';

/** The DomainErrors the MPF client throws; details are plain sentences an admin can act on. */
export const mpfErrors = {
  /** MPF answered with an errorContext. */
  rejected(mpfMethod: string, mpfCode: string, mpfDescription: string): DomainError {
    const why = mpfDescription || 'no description';
    const detail = `MPF refused ${mpfMethod}: ${why}${mpfCode ? ` (${mpfCode})` : ''}`;
    return new DomainError(ErrorCode.MPF_REJECTED, detail, { meta: { mpfCode, mpfDescription, mpfMethod } });
  },

  /** HTTP 401/403: the stored login was refused. The password never appears. */
  authFailed(user: string, mpfMethod: string, httpStatus: number): DomainError {
    return new DomainError(ErrorCode.MPF_AUTH_FAILED, `MPF refused the login ${user}`, {
      meta: { mpfMethod, httpStatus: String(httpStatus) },
    });
  },

  /** Unreachable, too slow, HTTP error, SOAP Fault or an answer we cannot read. */
  unavailable(detail: string, meta: Record<string, string> = {}, cause?: unknown): DomainError {
    return new DomainError(ErrorCode.MPF_UNAVAILABLE, detail, { meta, cause });
  },

  /** MPF answered 200 but not in the shape of the contract. */
  unreadable(mpfMethod: string, what: string, cause?: unknown): DomainError {
    return mpfErrors.unavailable(
      `MPF sent an unreadable answer to ${mpfMethod}: ${what}`,
      { mpfMethod },
      cause,
    );
  },

  /** A value that cannot be sent to MPF (our caller's mistake, caught before any request). */
  invalid(field: string, rule: string, message: string): DomainError {
    return DomainError.validation([{ field, rule, message }]);
  },
};
