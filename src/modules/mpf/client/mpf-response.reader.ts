import { mpfErrors } from './mpf-client.errors';
import { childOf, parseXml, textOf, type XmlNode } from './mpf-xml.reader';

/** What a SOAP answer body holds: a Fault, or the method's Result (and out parameter errorReturn). */
export type SoapAnswer =
  | { kind: 'fault'; faultCode: string; faultString: string }
  | { kind: 'response'; result: string | undefined; errorReturn: string | undefined };

/** An MPF response document: `<response><data>…</data></response>` or its errorContext. */
export type MpfDocument =
  { kind: 'data'; data: XmlNode } | { kind: 'error'; code: string; description: string };

/** Reads a SOAP 1.1 envelope (1.2 Faults too); undefined when `xml` is not one. */
export function readSoapAnswer(xml: string, method: string): SoapAnswer | undefined {
  const body = childOf(childOf(parseXml(xml), 'Envelope'), 'Body');
  if (!body) return undefined;
  const fault = childOf(body, 'Fault');
  if (fault) {
    const faultCode = textOf(fault, 'faultcode') ?? textOf(childOf(fault, 'Code'), 'Value') ?? '';
    const faultString = textOf(fault, 'faultstring') ?? textOf(childOf(fault, 'Reason'), 'Text') ?? '';
    return { kind: 'fault', faultCode, faultString };
  }
  const response = childOf(body, `${method}Response`);
  if (!response) return undefined;
  return {
    kind: 'response',
    result: textOf(response, `${method}Result`),
    errorReturn: textOf(response, 'errorReturn'),
  };
}

/** Reads an MPF response document (the unescaped text of a Result or errorReturn); undefined if unreadable. */
export function readMpfDocument(text: string): MpfDocument | undefined {
  const root = parseXml(text);
  const response = childOf(root, 'response');
  const errorContext = childOf(response, 'errorContext') ?? childOf(root, 'errorContext');
  if (errorContext) {
    const code = textOf(errorContext, '@_code') ?? '';
    return { kind: 'error', code, description: textOf(errorContext, '@_description') ?? '' };
  }
  return response ? { kind: 'data', data: childOf(response, 'data') ?? {} } : undefined;
}

/** Throws MPF_REJECTED when the out parameter errorReturn holds an errorContext (empty means success). */
function checkErrorReturn(errorReturn: string | undefined, label: string): void {
  if (!errorReturn?.trim()) return;
  const document = readMpfDocument(errorReturn);
  if (!document) throw mpfErrors.unreadable(label, 'errorReturn is not an MPF response document');
  if (document.kind === 'error') throw mpfErrors.rejected(label, document.code, document.description);
}

/** HostedExchange, ExchangeResourceManager, MPSGeneral: the Result document's `<data>`, or MPF_REJECTED. */
export function documentDataOf(answer: { result?: string; errorReturn?: string }, label: string): XmlNode {
  checkErrorReturn(answer.errorReturn, label);
  if (!answer.result?.trim()) throw mpfErrors.unreadable(label, 'no MPF response document in the result');
  const document = readMpfDocument(answer.result);
  if (!document) throw mpfErrors.unreadable(label, 'the result is not an MPF response document');
  if (document.kind === 'error') throw mpfErrors.rejected(label, document.code, document.description);
  return document.data;
}

/** ManagedActiveDirectory: the typed Result text, once errorReturn says there was no error. */
export function typedResultOf(answer: { result?: string; errorReturn?: string }, label: string): string {
  checkErrorReturn(answer.errorReturn, label);
  return answer.result ?? '';
}
