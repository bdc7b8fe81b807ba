import type { Ctx } from './context';
import type { Args } from './params';
import type { XmlNode } from './xml';

export type ServiceName =
  'HostedExchange' | 'ManagedActiveDirectory' | 'ExchangeResourceManager' | 'MPSGeneral';

/**
 * How a method answers (docs/mpf-wire-contract.md):
 * - document: `<MethodResult>` holds an MPF response document;
 * - bool / path: `<MethodResult>` holds true|false / an LDAP:// path, and `<errorReturn>` an error document;
 * - mps: `<SubmitMpsRequestResult>` holds the response document and `<errorReturn>` the error document.
 */
export type ResultKind = 'document' | 'bool' | 'path' | 'mps';

export interface MethodSpec {
  service: ServiceName;
  name: string;
  /** Parameter element names, in order; every one must be present in the call. */
  params: readonly string[];
  result: ResultKind;
  /** Returns the content of `<data>` (document, mps), the path (path), or nothing. */
  handle(ctx: Ctx, args: Args): Promise<XmlNode | string | undefined>;
}

export function method(
  service: ServiceName,
  name: string,
  params: readonly string[],
  result: ResultKind,
  handle: MethodSpec['handle'],
): MethodSpec {
  return { service, name, params, result, handle };
}
