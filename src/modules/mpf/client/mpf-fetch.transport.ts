import type { MpfHttpRequest, MpfHttpResponse, MpfTransport } from './mpf.transport';
import { transportFailure } from './mpf-transport.failure';

/** Node's global fetch; used for http and for https verified against the system's roots. */
export class FetchMpfTransport implements MpfTransport {
  async post(request: MpfHttpRequest): Promise<MpfHttpResponse> {
    const signal = AbortSignal.timeout(request.timeoutMs);
    try {
      const response = await fetch(request.url, {
        method: 'POST',
        headers: request.headers,
        body: request.body,
        redirect: 'manual',
        signal,
      });
      const body = await response.text();
      return { status: response.status, statusText: response.statusText, body };
    } catch (error) {
      throw transportFailure(error, request, signal.aborted);
    }
  }
}
