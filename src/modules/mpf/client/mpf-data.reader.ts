import { mpfErrors } from './mpf-client.errors';
import type { MpfMailboxConsumer, MpfOrganizationResources } from './mpf-client.types';
import { dnOfPath, numberOf } from './mpf-values.codec';
import { childOf, listOf, textOf, type XmlNode } from './mpf-xml.reader';

/** Reads the `<data>` (or typed Result) shapes of docs/mpf-wire-contract.md; unreadable → MPF_UNAVAILABLE. */

function numberAt(node: unknown, name: string, method: string, where: string): number {
  const value = numberOf(textOf(node, name) ?? '');
  if (value === undefined) throw mpfErrors.unreadable(method, `${where}/${name} is not a number`);
  return value;
}

export function ignoreData(): void {}

/** `<orgResources><mailStore>{serverName,megabytes,megabytesFree}</mailStore><publicStore>{megabytes}…` */
export function readResources(data: XmlNode): MpfOrganizationResources {
  const method = 'QueryResourcesByOrganization';
  const resources = childOf(data, 'orgResources');
  const mailStore = childOf(resources, 'mailStore');
  const publicStore = childOf(resources, 'publicStore');
  if (!mailStore || !publicStore)
    throw mpfErrors.unreadable(method, 'no orgResources/mailStore and publicStore');
  return {
    mailStore: {
      serverName: textOf(mailStore, 'serverName') ?? '',
      megabytes: numberAt(mailStore, 'megabytes', method, 'mailStore'),
      megabytesFree: numberAt(mailStore, 'megabytesFree', method, 'mailStore'),
    },
    publicStore: { megabytes: numberAt(publicStore, 'megabytes', method, 'publicStore') },
  };
}

/** `<mailboxes><mailbox><GUID/><kilobytes/><path/></mailbox>…</mailboxes>` (none → []). */
export function readConsumers(data: XmlNode): MpfMailboxConsumer[] {
  return listOf(childOf(data, 'mailboxes'), 'mailbox').map((mailbox) => ({
    guid: textOf(mailbox, 'GUID') ?? '',
    kilobytes: numberAt(mailbox, 'kilobytes', 'QueryConsumersByOrganization', 'mailbox'),
    dn: dnOfPath(textOf(mailbox, 'path') ?? ''),
  }));
}

/** `<properties><property name="x"><value>v</value>…</property>…</properties>`; requested but absent → []. */
export function readProperties(names: readonly string[]) {
  return (data: XmlNode): Record<string, string[]> => {
    const result = new Map<string, string[]>(names.map((name) => [name, []]));
    for (const property of listOf(childOf(data, 'properties'), 'property')) {
      const name = textOf(property, '@_name');
      if (name === undefined) throw mpfErrors.unreadable('GetProperties', 'a property without a name');
      result.set(
        name,
        listOf(property, 'value').map((value) => textOf(value) ?? ''),
      );
    }
    return Object.fromEntries(result);
  };
}

/** GetMailboxUsage: `<usage>KB</usage>`. */
export function readUsage(data: XmlNode): number {
  return numberAt(data, 'usage', 'GetMailboxUsage', 'data');
}

/** A ManagedActiveDirectory bool: true, or MPF_REJECTED when MPF said false without an errorContext. */
export function readSuccess(method: string) {
  return (result: string): void => {
    const value = result.trim().toLowerCase();
    if (value === 'true') return;
    if (value === 'false') throw mpfErrors.rejected(method, '', 'it returned false without an errorContext');
    throw mpfErrors.unreadable(method, `expected true or false, got "${result.slice(0, 40)}"`);
  };
}

/** CreateContact: the new contact's `LDAP://` path → its DN. */
export function readContactDn(result: string): string {
  const dn = dnOfPath(result.trim());
  if (!dn) throw mpfErrors.unreadable('CreateContact', 'no path of the new contact');
  return dn;
}
