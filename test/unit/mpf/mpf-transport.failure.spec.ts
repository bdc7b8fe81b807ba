import { transportFailure } from '../../../src/modules/mpf/client/mpf-transport.failure';
import type { MpfHttpRequest } from '../../../src/modules/mpf/client/mpf.transport';
import { ErrorCode } from '../../../src/modules/shared/errors/error-code.enum';

const request = (url: string, timeoutMs = 30000): MpfHttpRequest => ({
  url: new URL(url),
  headers: {},
  body: '',
  timeoutMs,
  label: 'EnableUser',
});

const socketError = (code: string, message = code) => Object.assign(new Error(message), { code });
/** What fetch throws: TypeError('fetch failed') with the socket error as cause. */
const fetchFailed = (cause: unknown) => new TypeError('fetch failed', { cause });

describe('MPF transport failures', () => {
  it.each([
    [fetchFailed(socketError('ECONNREFUSED')), 'MPF at mpf.example:80 refused the connection'],
    [
      fetchFailed(new AggregateError([socketError('ECONNREFUSED')], 'all addresses failed')),
      'MPF at mpf.example:80 refused the connection',
    ],
    [fetchFailed(socketError('ENOTFOUND')), 'MPF host mpf.example could not be resolved (ENOTFOUND)'],
    [
      fetchFailed(socketError('DEPTH_ZERO_SELF_SIGNED_CERT', 'self-signed certificate')),
      'TLS with MPF at mpf.example:80 failed: self-signed certificate (DEPTH_ZERO_SELF_SIGNED_CERT)',
    ],
    [
      socketError('ERR_TLS_CERT_ALTNAME_INVALID', "Hostname/IP does not match certificate's altnames"),
      "TLS with MPF at mpf.example:80 failed: Hostname/IP does not match certificate's altnames (ERR_TLS_CERT_ALTNAME_INVALID)",
    ],
    [
      fetchFailed(socketError('UND_ERR_SOCKET', 'other side closed')),
      'MPF at mpf.example:80 closed the connection (UND_ERR_SOCKET)',
    ],
    [fetchFailed(socketError('EHOSTUNREACH')), 'MPF at mpf.example:80 is unreachable (EHOSTUNREACH)'],
    [
      fetchFailed(socketError('UND_ERR_HEADERS_TIMEOUT')),
      'MPF did not answer within 30 s (EnableUser at mpf.example:80)',
    ],
    [
      fetchFailed(socketError('EWEIRD', 'weird')),
      'MPF at mpf.example:80 could not be reached: weird (EWEIRD)',
    ],
    [new Error('bad things'), 'MPF at mpf.example:80 could not be reached: bad things'],
  ])('maps %p to a plain message', (error, detail) => {
    const failure = transportFailure(error, request('http://mpf.example/vdir'), false);
    expect(failure.code).toBe(ErrorCode.MPF_UNAVAILABLE);
    expect(failure.detail).toBe(detail);
    expect(failure.cause).toBe(error);
    expect(failure.meta).toEqual({ mpfMethod: 'EnableUser', mpfEndpoint: 'mpf.example:80' });
  });

  it('says which timeout elapsed, in seconds, whatever the error', () => {
    const abort = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    expect(transportFailure(abort, request('https://mpf.example:8443', 30000), true).detail).toBe(
      'MPF did not answer within 30 s (EnableUser at mpf.example:8443)',
    );
    expect(transportFailure(abort, request('https://mpf.example', 1500), true).detail).toBe(
      'MPF did not answer within 1.5 s (EnableUser at mpf.example:443)',
    );
  });
});
