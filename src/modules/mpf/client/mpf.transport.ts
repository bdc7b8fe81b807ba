/** One HTTP POST to an MPF web service; the only seam between the SOAP client and the network. */
export interface MpfHttpRequest {
  url: URL;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  /** The MPF method, for error messages. */
  label: string;
}

export interface MpfHttpResponse {
  status: number;
  statusText: string;
  body: string;
}

/** Resolves with any HTTP answer; rejects with MPF_UNAVAILABLE when none came (see mpf-transport.failure). */
export interface MpfTransport {
  post(request: MpfHttpRequest): Promise<MpfHttpResponse>;
}
