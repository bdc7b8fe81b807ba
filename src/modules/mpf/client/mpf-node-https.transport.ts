import { request as httpsRequest } from 'node:https';
import { rootCertificates } from 'node:tls';
import type { MpfHttpRequest, MpfHttpResponse, MpfTransport } from './mpf.transport';
import { transportFailure } from './mpf-transport.failure';

export interface MpfTlsOptions {
  /** Trusted besides the system roots. */
  caPem?: string;
  insecureTls?: boolean;
}

/** node:https, for what fetch cannot be told without a dispatcher: an extra CA or no verification. */
export class NodeHttpsMpfTransport implements MpfTransport {
  constructor(private readonly tls: MpfTlsOptions) {}

  async post(request: MpfHttpRequest): Promise<MpfHttpResponse> {
    const signal = AbortSignal.timeout(request.timeoutMs);
    try {
      return await this.send(request, signal);
    } catch (error) {
      throw transportFailure(error, request, signal.aborted);
    }
  }

  private send(request: MpfHttpRequest, signal: AbortSignal): Promise<MpfHttpResponse> {
    const body = Buffer.from(request.body, 'utf8');
    return new Promise((resolve, reject) => {
      const outgoing = httpsRequest(
        request.url,
        {
          method: 'POST',
          headers: { ...request.headers, 'Content-Length': String(body.length) },
          ca: this.tls.caPem ? [...rootCertificates, this.tls.caPem] : undefined,
          rejectUnauthorized: !this.tls.insecureTls,
          signal,
        },
        (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
          incoming.on('error', reject);
          incoming.on('close', () => {
            const cut = new Error('the connection closed before the answer was complete');
            if (!incoming.complete) reject(Object.assign(cut, { code: 'ECONNRESET' }));
          });
          incoming.on('end', () =>
            resolve({
              status: incoming.statusCode ?? 0,
              statusText: incoming.statusMessage ?? '',
              body: Buffer.concat(chunks).toString('utf8'),
            }),
          );
        },
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  }
}
