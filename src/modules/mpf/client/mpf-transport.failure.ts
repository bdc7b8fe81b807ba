import type { DomainError } from '../../shared/errors/domain.error';
import { mpfErrors } from './mpf-client.errors';
import type { MpfHttpRequest } from './mpf.transport';

const REFUSED = new Set(['ECONNREFUSED']);
const NO_SUCH_HOST = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL']);
const CLOSED = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);
const UNREACHABLE = new Set(['EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT']);
const TLS = /^(ERR_TLS_|ERR_SSL_)|CERT|SELF_SIGNED|UNABLE_TO_|DEPTH_ZERO|EPROTO/;

interface NetworkFault {
  code?: string;
  message: string;
}

/**
 * The socket-level error inside fetch's `TypeError: fetch failed` (cause) or an AggregateError (errors).
 * Duck-typed: fetch's errors may come from another realm (e.g. under jest), where instanceof fails.
 */
function networkFault(error: unknown): NetworkFault {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && typeof current === 'object' && current !== null; depth++) {
    const { code, message, errors, cause } = current as {
      code?: unknown;
      message?: unknown;
      errors?: unknown;
      cause?: unknown;
    };
    if (typeof code === 'string') return { code, message: typeof message === 'string' ? message : code };
    current = Array.isArray(errors) && errors.length > 0 ? errors[0] : cause;
  }
  const message = (error as { message?: unknown } | undefined)?.message;
  return { message: typeof message === 'string' ? message : 'unknown error' };
}

/** `host:port` with the scheme's default port spelled out. */
export function hostPortOf(url: URL): string {
  return `${url.hostname}:${url.port || (url.protocol === 'https:' ? '443' : '80')}`;
}

export function secondsOf(ms: number): string {
  return String(Math.round(ms / 100) / 10);
}

/** Turns a failed request (no HTTP answer) into MPF_UNAVAILABLE saying what happened, cause kept. */
export function transportFailure(error: unknown, request: MpfHttpRequest, timedOut: boolean): DomainError {
  const where = hostPortOf(request.url);
  const meta = { mpfMethod: request.label, mpfEndpoint: where };
  const fail = (detail: string) => mpfErrors.unavailable(detail, meta, error);
  const { code, message } = networkFault(error);
  if (timedOut || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
    return fail(`MPF did not answer within ${secondsOf(request.timeoutMs)} s (${request.label} at ${where})`);
  }
  if (!code) return fail(`MPF at ${where} could not be reached: ${message}`);
  if (REFUSED.has(code)) return fail(`MPF at ${where} refused the connection`);
  if (NO_SUCH_HOST.has(code)) return fail(`MPF host ${request.url.hostname} could not be resolved (${code})`);
  if (TLS.test(code)) return fail(`TLS with MPF at ${where} failed: ${message} (${code})`);
  if (CLOSED.has(code)) return fail(`MPF at ${where} closed the connection (${code})`);
  if (UNREACHABLE.has(code)) return fail(`MPF at ${where} is unreachable (${code})`);
  return fail(`MPF at ${where} could not be reached: ${message} (${code})`);
}
