import { mpfErrors } from './mpf-client.errors';
import { buildEnvelope, soapAction, type MpfParam } from './mpf-envelope.codec';
import type { MpfEndpoint, MpfService } from './mpf-endpoint.resolver';
import type { MpfRequestJournal } from './mpf-request.journal';
import { documentDataOf, readSoapAnswer, typedResultOf } from './mpf-response.reader';
import type { MpfHttpResponse, MpfTransport } from './mpf.transport';
import { dataXml } from './mpf-xml-params.codec';
import type { XmlNode } from './mpf-xml.reader';

/** Builds a call's parameters, in order; may throw VALIDATION_FAILED (reported as a rejected promise). */
export type MpfParams = () => readonly MpfParam[];

interface MpfCall {
  service: MpfService;
  method: string;
  params: MpfParams;
  /** Name in errors and the journal: the method, or the procedure of a SubmitMpsRequest. */
  label: string;
}

type ResultAndErrorReturn = { result?: string; errorReturn?: string };

/** Sends MPF calls: envelope out, HTTP status and SOAP answer in, errors mapped, every call journaled. */
export class MpfSoapCaller {
  constructor(
    private readonly endpoint: MpfEndpoint,
    private readonly transport: MpfTransport,
    private readonly journal: MpfRequestJournal,
  ) {}

  get pdc(): string {
    return this.endpoint.pdc;
  }

  /** A method whose Result is an MPF response document (HostedExchange, ExchangeResourceManager). */
  document<T>(
    service: MpfService,
    method: string,
    params: MpfParams,
    read: (data: XmlNode) => T,
  ): Promise<T> {
    return this.call({ service, method, params, label: method }, (answer) =>
      read(documentDataOf(answer, method)),
    );
  }

  /** A ManagedActiveDirectory method: typed Result plus the errorReturn out parameter. */
  typed<T>(method: string, params: MpfParams, read: (result: string) => T): Promise<T> {
    const call = { service: 'ManagedActiveDirectory' as const, method, params, label: method };
    return this.call(call, (answer) => read(typedResultOf(answer, method)));
  }

  /** MPSGeneral SubmitMpsRequest(namespace, procedure, dataXmlBlob `<data>…</data>`, sendCredentials). */
  mps<T>(namespace: string, procedure: string, data: MpfParams, read: (data: XmlNode) => T): Promise<T> {
    const params: MpfParams = () => [
      ['namespace', namespace],
      ['procedure', procedure],
      ['dataXmlBlob', dataXml(data())],
      ['sendCredentials', 'false'],
    ];
    const call = { service: 'MPSGeneral' as const, method: 'SubmitMpsRequest', params, label: procedure };
    return this.call(call, (answer) => read(documentDataOf(answer, procedure)));
  }

  private async call<T>(call: MpfCall, read: (answer: ResultAndErrorReturn) => T): Promise<T> {
    const startedAt = performance.now();
    let params: readonly MpfParam[] = [];
    try {
      params = call.params();
      const value = read(await this.exchange(call, params));
      this.journal.record(call.label, params, startedAt);
      return value;
    } catch (error) {
      this.journal.record(call.label, params, startedAt, error);
      throw error;
    }
  }

  private async exchange(call: MpfCall, params: readonly MpfParam[]): Promise<ResultAndErrorReturn> {
    const { namespace, authorization, timeoutMs } = this.endpoint;
    const response = await this.transport.post({
      url: this.endpoint.serviceUrl(call.service),
      headers: {
        'Content-Type': 'text/xml; charset=utf-8',
        SOAPAction: soapAction(namespace, call.method),
        Authorization: authorization,
      },
      body: buildEnvelope(namespace, call.method, params),
      timeoutMs,
      label: call.label,
    });
    return this.answerOf(response, call);
  }

  /** HTTP status and SOAP level: 401/403, Faults, other HTTP errors, envelopes we cannot read. */
  private answerOf(response: MpfHttpResponse, call: MpfCall): ResultAndErrorReturn {
    const { status } = response;
    if (status === 401 || status === 403) throw mpfErrors.authFailed(this.endpoint.user, call.label, status);
    const answer = readSoapAnswer(response.body, call.method);
    const meta = { mpfMethod: call.label, mpfEndpoint: this.endpoint.where, httpStatus: String(status) };
    if (answer?.kind === 'fault') {
      const said = answer.faultString || answer.faultCode || 'a SOAP Fault without a faultstring';
      const prefix = status === 200 ? 'MPF answered with a SOAP Fault' : `MPF answered HTTP ${status}`;
      throw mpfErrors.unavailable(`${prefix}: ${said}`, { ...meta, faultCode: answer.faultCode });
    }
    if (status < 200 || status > 299) {
      const path = this.endpoint.serviceUrl(call.service).pathname;
      const text = response.statusText ? ` ${response.statusText}` : '';
      throw mpfErrors.unavailable(`MPF answered HTTP ${status}${text} to ${call.label} at ${path}`, meta);
    }
    if (!answer) throw mpfErrors.unreadable(call.label, `not a SOAP envelope with ${call.method}Response`);
    return answer;
  }
}
