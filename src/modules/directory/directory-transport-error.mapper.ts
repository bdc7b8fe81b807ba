import { DomainError } from '../shared/errors/domain.error';
import { ErrorCode } from '../shared/errors/error-code.enum';
import type { DirectoryErrorContext } from './directory-error.mapper';

/** TLS and socket failures (Node error codes and ldapts's own messages) in the domain's vocabulary. */

const UNTRUSTED = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
  'CERT_REJECTED',
]);
const NETWORK: Record<string, string> = {
  ECONNREFUSED: 'the connection was refused (nothing listens there?)',
  ECONNRESET: 'the connection was reset',
  EPIPE: 'the connection was closed',
  ETIMEDOUT: 'the connection timed out',
  EHOSTUNREACH: 'the host is unreachable',
  ENETUNREACH: 'the network is unreachable',
  ENOTFOUND: 'the host name does not resolve (DNS)',
  EAI_AGAIN: 'the host name could not be resolved right now (DNS)',
};
export interface ErrorLike {
  message: string;
  code?: unknown;
  reason?: unknown;
}

/** Duck-typed: errors from Node's sockets may come from another realm (e.g. under jest), failing `instanceof Error`. */
export function asErrorLike(error: unknown): ErrorLike {
  if (typeof error === 'object' && error !== null && typeof (error as ErrorLike).message === 'string') {
    return error as ErrorLike;
  }
  return { message: String(error) };
}

/** The connection died under the request: the request may be retried on a new connection. */
export function isConnectionLoss(error: unknown): boolean {
  const { message, code } = asErrorLike(error);
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED') return true;
  return /Connection closed before message response|^Socket error|Socket connection not established/.test(
    message,
  );
}

export function target(context: DirectoryErrorContext): string {
  return `${context.host}:${context.port}`;
}

export function unavailable(context: DirectoryErrorContext, reason: string, cause: unknown): DomainError {
  const doing = context.operation ? ` during ${context.operation}` : '';
  return new DomainError(
    ErrorCode.DIRECTORY_UNAVAILABLE,
    `Active Directory at ${target(context)} is unavailable${doing}: ${reason}`,
    { cause, meta: { host: context.host, port: String(context.port), reason } },
  );
}

export function tlsFailed(
  context: DirectoryErrorContext,
  reason: string,
  advice: string,
  cause: unknown,
): DomainError {
  return new DomainError(
    ErrorCode.DIRECTORY_TLS_FAILED,
    `TLS with Active Directory at ${target(context)} failed: ${reason}. ${advice}`,
    { cause, meta: { host: context.host, port: String(context.port), reason } },
  );
}

export function fromTls(error: ErrorLike, context: DirectoryErrorContext): DomainError | undefined {
  const code = typeof error.code === 'string' ? error.code : '';
  if (UNTRUSTED.has(code)) {
    return tlsFailed(
      context,
      `its certificate is not trusted (${code})`,
      'Add the CA certificate that issued the domain controller certificate (caPem), or fix the chain the server sends.',
      error,
    );
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    const reason = typeof error.reason === 'string' ? error.reason : error.message;
    return tlsFailed(
      context,
      `its certificate does not name the host we expect (${reason})`,
      'Connect by the host name the certificate names, or set tlsServername to it (e.g. the DC FQDN).',
      error,
    );
  }
  if (code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID') {
    return tlsFailed(
      context,
      `its certificate is not valid now (${code})`,
      'Renew the DC certificate or check clocks.',
      error,
    );
  }
  if (/wrong version number|packet length too long|unknown protocol/i.test(error.message)) {
    return tlsFailed(
      context,
      'the server does not speak TLS on this port',
      'Use ldaps:// on port 636, or ldap:// on port 389 (StartTLS).',
      error,
    );
  }
  if (
    context.phase === 'handshake' &&
    (isConnectionLoss(error) || /before secure TLS connection/.test(error.message))
  ) {
    return tlsFailed(
      context,
      'the server closed the connection during the TLS handshake',
      'Check that it speaks LDAPS on this port: use ldaps:// on port 636, or ldap:// on port 389 (StartTLS).',
      error,
    );
  }
  if (
    code.startsWith('ERR_SSL_') ||
    code.startsWith('ERR_TLS_') ||
    code.startsWith('CERT_') ||
    code === 'EPROTO'
  ) {
    return tlsFailed(
      context,
      `${error.message} (${code})`,
      'Check the TLS settings of the DC and of this connection.',
      error,
    );
  }
  return undefined;
}

export function fromNetwork(error: ErrorLike, context: DirectoryErrorContext): DomainError | undefined {
  const code = typeof error.code === 'string' ? error.code : '';
  if (NETWORK[code]) return unavailable(context, NETWORK[code], error);
  if (error.message === 'Connection timeout') {
    return unavailable(context, `no connection within ${context.timeoutMs} ms`, error);
  }
  if (/Operation timed out/.test(error.message)) {
    return unavailable(context, `no answer within ${context.timeoutMs} ms`, error);
  }
  if (isConnectionLoss(error)) return unavailable(context, 'the connection was closed', error);
  return undefined;
}
