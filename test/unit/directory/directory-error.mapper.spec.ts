import { InvalidCredentialsError, NoSuchObjectError, UnavailableError } from 'ldapts';
import {
  isConnectionLoss,
  toDirectoryError,
  type DirectoryErrorContext,
} from '../../../src/modules/directory/directory-error.mapper';
import { ErrorCode } from '../../../src/modules/shared/errors/error-code.enum';

const context: DirectoryErrorContext = {
  host: 'dc1.hosting.test',
  port: 636,
  bindUser: 'HOSTING\\Administrator',
  timeoutMs: 2500,
  phase: 'bind',
};

function systemError(code: string, message = code): Error {
  return Object.assign(new Error(message), { code });
}

describe('toDirectoryError', () => {
  it('maps LDAP 49 to DIRECTORY_AUTH_FAILED, reading AD\'s "data" reason', () => {
    const wrong = new InvalidCredentialsError(
      '80090308: LdapErr: DSID-0C0903A9, comment: AcceptSecurityContext error, data 52e, v1db1',
    );
    const error = toDirectoryError(wrong, context);
    expect(error.code).toBe(ErrorCode.DIRECTORY_AUTH_FAILED);
    expect(error.detail).toBe(
      'Active Directory refused the login HOSTING\\Administrator: wrong password, or the account is locked or disabled',
    );
    expect(error.cause).toBe(wrong);
    expect(error.meta).toMatchObject({ ldapCode: '49', adReason: '52e' });
    const locked = toDirectoryError(
      new InvalidCredentialsError('AcceptSecurityContext error, data 775, v1db1'),
      context,
    );
    expect(locked.detail).toMatch(/locked out/);
  });

  it.each([
    ['ECONNREFUSED', /dc1\.hosting\.test:636 is unavailable: the connection was refused/],
    ['EHOSTUNREACH', /unreachable/],
    ['ENOTFOUND', /does not resolve/],
    ['ECONNRESET', /reset/],
  ])('maps %s to DIRECTORY_UNAVAILABLE', (code, message) => {
    const error = toDirectoryError(systemError(code), context);
    expect(error.code).toBe(ErrorCode.DIRECTORY_UNAVAILABLE);
    expect(error.detail).toMatch(message);
    expect(error.meta).toMatchObject({ host: 'dc1.hosting.test', port: '636' });
  });

  it('maps timeouts and closed connections to DIRECTORY_UNAVAILABLE', () => {
    expect(toDirectoryError(new Error('Connection timeout'), context).detail).toMatch(
      /no connection within 2500 ms/,
    );
    const op = { ...context, phase: 'operation' as const, operation: 'search under DC=x' };
    expect(toDirectoryError(new Error('SearchRequest: Operation timed out'), op).detail).toMatch(
      /during search under DC=x: no answer within 2500 ms/,
    );
    const closed = new Error(
      'Connection closed before message response was received. Message type: SearchRequest (0x63)',
    );
    expect(toDirectoryError(closed, op).code).toBe(ErrorCode.DIRECTORY_UNAVAILABLE);
    expect(isConnectionLoss(closed)).toBe(true);
    expect(isConnectionLoss(new Error('SearchRequest: Operation timed out'))).toBe(false);
    expect(toDirectoryError(new UnavailableError('busy'), op).code).toBe(ErrorCode.DIRECTORY_UNAVAILABLE);
  });

  it.each([
    ['SELF_SIGNED_CERT_IN_CHAIN', /not trusted.*Add the CA certificate/],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', /not trusted/],
    ['ERR_TLS_CERT_ALTNAME_INVALID', /does not name the host.*tlsServername/],
    ['CERT_HAS_EXPIRED', /not valid now/],
    ['ERR_SSL_WRONG_VERSION_NUMBER', /does not speak TLS/],
  ])('maps %s to DIRECTORY_TLS_FAILED', (code, message) => {
    const error = toDirectoryError(
      systemError(code, code === 'ERR_SSL_WRONG_VERSION_NUMBER' ? 'wrong version number' : code),
      context,
    );
    expect(error.code).toBe(ErrorCode.DIRECTORY_TLS_FAILED);
    expect(error.detail).toMatch(message);
  });

  it('maps a connection cut during the LDAPS handshake to DIRECTORY_TLS_FAILED, after it to DIRECTORY_UNAVAILABLE', () => {
    const reset = systemError('ECONNRESET', 'read ECONNRESET');
    expect(toDirectoryError(reset, { ...context, phase: 'handshake' }).detail).toMatch(
      /closed the connection during the TLS handshake.*ldaps:\/\/ on port 636/,
    );
    expect(toDirectoryError(reset, context).code).toBe(ErrorCode.DIRECTORY_UNAVAILABLE);
    expect(toDirectoryError(systemError('ECONNREFUSED'), { ...context, phase: 'handshake' }).code).toBe(
      ErrorCode.DIRECTORY_UNAVAILABLE,
    );
  });

  it('maps a refused StartTLS to DIRECTORY_TLS_FAILED and other result codes by meaning', () => {
    const refused = toDirectoryError(new UnavailableError('no TLS here'), { ...context, phase: 'starttls' });
    expect(refused.code).toBe(ErrorCode.DIRECTORY_TLS_FAILED);
    expect(refused.detail).toMatch(/refused StartTLS/);
    expect(toDirectoryError(new NoSuchObjectError(), { ...context, phase: 'operation' }).code).toBe(
      ErrorCode.NOT_FOUND,
    );
    expect(toDirectoryError(new Error('something odd'), context).code).toBe(ErrorCode.INTERNAL);
  });
});
