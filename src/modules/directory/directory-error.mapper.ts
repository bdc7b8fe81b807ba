import { DomainError } from '../shared/errors/domain.error';
import { ErrorCode } from '../shared/errors/error-code.enum';
import {
  asErrorLike,
  fromNetwork,
  fromTls,
  target,
  tlsFailed,
  unavailable,
  type ErrorLike,
} from './directory-transport-error.mapper';

export { isConnectionLoss } from './directory-transport-error.mapper';

/** What was being done when an error happened, to say it plainly. */
export interface DirectoryErrorContext {
  host: string;
  port: number;
  bindUser: string;
  timeoutMs: number;
  /**
   * `handshake`: TCP connect and TLS handshake of ldaps://; `starttls`: connect and StartTLS of ldap://;
   * `bind`: the bind on an encrypted connection; `operation`: a read on a bound connection.
   */
  phase: 'handshake' | 'starttls' | 'bind' | 'operation';
  /** E.g. `search under OU=x,DC=y`. */
  operation?: string;
}

/** AD's `data xxx` sub-codes of LDAP 49. */
const AD_LOGIN_REASONS: Record<string, string> = {
  '525': 'the account does not exist',
  '52e': 'wrong password, or the account is locked or disabled',
  '530': 'the account may not log on at this time',
  '531': 'the account may not log on from this workstation',
  '532': 'the password has expired',
  '533': 'the account is disabled',
  '701': 'the account has expired',
  '773': 'the password must be changed first',
  '775': 'the account is locked out',
};
const BUSY_CODES = new Set([3, 11, 51, 52]);

/** An LDAP result code error from ldapts (a number `code`), as opposed to a Node socket error (a string `code`). */
export function ldapResultCode(error: unknown): number | undefined {
  const code = (error as ErrorLike | null)?.code;
  return typeof code === 'number' ? code : undefined;
}

function fromResultCode(resultCode: number, error: ErrorLike, context: DirectoryErrorContext): DomainError {
  const ldapMessage = error.message.replace(/ Code: 0x[0-9a-f]+$/, '');
  const meta = { host: context.host, port: String(context.port), ldapCode: String(resultCode), ldapMessage };
  const options = { cause: error, meta };
  if (context.phase === 'starttls') {
    return tlsFailed(
      context,
      `it refused StartTLS (LDAP ${resultCode}: ${ldapMessage})`,
      'Use ldaps:// on port 636.',
      error,
    );
  }
  if (resultCode === 49) {
    const data = /data ([0-9a-f]{3,4})/i.exec(ldapMessage)?.[1]?.toLowerCase();
    const why = (data && AD_LOGIN_REASONS[data]) ?? AD_LOGIN_REASONS['52e'];
    return new DomainError(
      ErrorCode.DIRECTORY_AUTH_FAILED,
      `Active Directory refused the login ${context.bindUser}: ${why}`,
      { cause: error, meta: { ...meta, ...(data && { adReason: data }) } },
    );
  }
  if (resultCode === 8 || resultCode === 13) {
    return tlsFailed(
      context,
      `it requires a stronger protection (LDAP ${resultCode})`,
      'Use ldaps:// or StartTLS.',
      error,
    );
  }
  if (resultCode === 50) {
    return new DomainError(
      ErrorCode.DIRECTORY_AUTH_FAILED,
      `The login ${context.bindUser} may not do this in Active Directory (${context.operation ?? 'operation'}): ${ldapMessage}`,
      options,
    );
  }
  if (resultCode === 32) {
    return new DomainError(
      ErrorCode.NOT_FOUND,
      `Active Directory has no such object (${context.operation ?? 'operation'})`,
      options,
    );
  }
  if (resultCode === 34) {
    const message = `Active Directory refused the DN: ${ldapMessage}`;
    return new DomainError(ErrorCode.VALIDATION_FAILED, `Invalid input: dn: ${message}`, {
      ...options,
      errors: [{ field: 'dn', rule: 'dn', message }],
    });
  }
  if (BUSY_CODES.has(resultCode)) return unavailable(context, `LDAP ${resultCode}: ${ldapMessage}`, error);
  return new DomainError(
    ErrorCode.INTERNAL,
    `Active Directory at ${target(context)} refused ${context.operation ?? 'the request'}: LDAP ${resultCode} ${ldapMessage}`,
    options,
  );
}

/** Turns whatever ldapts or Node threw into the domain's vocabulary, keeping the original as `cause`. */
export function toDirectoryError(error: unknown, context: DirectoryErrorContext): DomainError {
  if (error instanceof DomainError) return error;
  const like = asErrorLike(error);
  const resultCode = ldapResultCode(error);
  if (resultCode !== undefined) return fromResultCode(resultCode, like, context);
  return (
    fromTls(like, context) ??
    fromNetwork(like, context) ??
    new DomainError(
      ErrorCode.INTERNAL,
      `Active Directory at ${target(context)}: ${context.operation ?? context.phase} failed: ${like.message}`,
      { cause: error, meta: { host: context.host, port: String(context.port) } },
    )
  );
}
