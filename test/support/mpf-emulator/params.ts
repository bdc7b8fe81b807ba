import { Dn, DnSyntaxError } from './dn';
import { invalidArgument } from './errors';
import { attributeOf, childNames, leafText, parseDocumentParameter, type XmlNode } from './xml';

/**
 * Validation of call parameters, as MPF validates them: each failure is an errorContext 0x80070057 whose
 * description names the parameter. Every declared parameter must be present (checked before the handler
 * runs); "required" ones must also be non-blank.
 */

const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/i;
const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const ATTRIBUTE_NAME = /^[A-Za-z][A-Za-z0-9-]*$/;

export class Args {
  constructor(
    private readonly values: ReadonlyMap<string, string>,
    private readonly reseller: Dn,
  ) {}

  /** The value as sent (may be empty). */
  raw(name: string): string {
    const value = this.values.get(name);
    if (value === undefined) throw invalidArgument(name, 'missing');
    return value;
  }

  /** A non-blank value of at most `maxLength` characters. */
  required(name: string, maxLength = 1024): string {
    const value = this.raw(name);
    if (value.trim() === '') throw invalidArgument(name, 'must not be empty');
    return checkText(name, value, maxLength);
  }

  /** An optional value ('' when empty) of at most `maxLength` characters. */
  optional(name: string, maxLength = 1024): string {
    const value = this.raw(name);
    return value === '' ? '' : checkText(name, value, maxLength);
  }

  bool(name: string): boolean {
    const value = this.raw(name);
    if (value === 'true') return true;
    if (value === 'false') return false;
    throw invalidArgument(name, `must be "true" or "false", not "${value}"`);
  }

  /** `pdc`, `preferredDomainController`: the domain controller to use, never empty. */
  pdc(name = 'pdc'): string {
    return this.required(name, 255);
  }

  /** An `LDAP://<DN>` path lying strictly below the reseller OU. */
  path(name: string): Dn {
    return parsePath(name, this.raw(name), this.reseller);
  }

  domain(name: string): string {
    return checkDomain(name, this.raw(name));
  }

  address(name: string): string {
    return checkAddress(name, this.raw(name));
  }
}

function checkText(name: string, value: string, maxLength: number): string {
  if (Array.from(value).length > maxLength)
    throw invalidArgument(name, `longer than ${maxLength} characters`);
  return value;
}

/** Parses `LDAP://<DN>`; the DN must lie below the reseller OU (or be it, with `allowReseller`). */
export function parsePath(name: string, value: string, reseller: Dn, allowReseller = false): Dn {
  if (!value.startsWith('LDAP://'))
    throw invalidArgument(name, 'must be an LDAP://<distinguished name> path');
  let dn: Dn;
  try {
    dn = Dn.parse(value.slice('LDAP://'.length));
  } catch (error) {
    const reason = error instanceof DnSyntaxError ? error.message : String(error);
    throw invalidArgument(name, `not a valid distinguished name (${reason})`);
  }
  if (!dn.isUnder(reseller) && !(allowReseller && dn.equals(reseller)))
    throw invalidArgument(name, `${dn.toString()} is outside the reseller OU`);
  return dn;
}

export function pathOf(dn: Dn): string {
  return `LDAP://${dn.toString()}`;
}

export function checkDomain(name: string, value: string): string {
  if (DOMAIN.exec(value) === null) throw invalidArgument(name, `"${value}" is not a valid domain name`);
  return value;
}

/** An SMTP address local@domain (dot-atom local part, at most 64 characters; at most 256 in all). */
export function checkAddress(name: string, value: string): string {
  const at = value.lastIndexOf('@');
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (
    at < 1 ||
    local.length > 64 ||
    value.length > 256 ||
    LOCAL_PART.exec(local) === null ||
    DOMAIN.exec(domain) === null
  )
    throw invalidArgument(name, `"${value}" is not a valid SMTP address`);
  return value;
}

export function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1);
}

// --- XML-valued parameters ---------------------------------------------------------------------------

function elementText(parameter: string, node: unknown, name: string, required: boolean): string | undefined {
  const child = typeof node === 'object' && node !== null ? (node as XmlNode)[name] : undefined;
  if (child === undefined) {
    if (required) throw invalidArgument(parameter, `<${name}> is missing`);
    return undefined;
  }
  const text = leafText(child);
  if (text === undefined) throw invalidArgument(parameter, `<${name}> must hold text only, once`);
  return text.trim();
}

function nonNegativeInteger(parameter: string, name: string, text: string): number {
  if (/^\d{1,9}$/.exec(text) === null)
    throw invalidArgument(parameter, `<${name}> must be a whole number, not "${text}"`);
  return Number(text);
}

/** `<mailStore><megabytes>N</megabytes><shared>1</shared></mailStore>` (shared optional, 0 or 1). */
export function parseMailStore(parameter: string, text: string): { megabytes: number; shared?: boolean } {
  const node = parseDocumentParameter(parameter, text, 'mailStore');
  const megabytes = nonNegativeInteger(
    parameter,
    'megabytes',
    elementText(parameter, node, 'megabytes', true) ?? '',
  );
  const shared = elementText(parameter, node, 'shared', false);
  if (shared !== undefined && shared !== '0' && shared !== '1')
    throw invalidArgument(parameter, `<shared> must be 0 or 1, not "${shared}"`);
  return { megabytes, ...(shared !== undefined && { shared: shared === '1' }) };
}

/** `<publicStore><megabytes>N</megabytes></publicStore>`. */
export function parsePublicStore(parameter: string, text: string): { megabytes: number } {
  const node = parseDocumentParameter(parameter, text, 'publicStore');
  return {
    megabytes: nonNegativeInteger(
      parameter,
      'megabytes',
      elementText(parameter, node, 'megabytes', true) ?? '',
    ),
  };
}

/** `<availablePlans><planName>GoldMail</planName>…</availablePlans>`: at least one plan unless `allowEmpty`. */
export function parseAvailablePlans(parameter: string, text: string, allowEmpty = false): string[] {
  const node = parseDocumentParameter(parameter, text, 'availablePlans');
  const entries = (typeof node === 'object' && node !== null ? (node as XmlNode).planName : undefined) ?? [];
  const plans = (entries as unknown[]).map((entry) => {
    const plan = leafText(entry)?.trim();
    if (!plan) throw invalidArgument(parameter, 'every <planName> must hold a plan name');
    return plan;
  });
  if (plans.length === 0 && !allowEmpty) throw invalidArgument(parameter, 'lists no <planName>');
  return plans;
}

export type Properties = Map<string, string[]>;

/** `<properties><property name="l">City</property>…</properties>`; a repeated name gives several values. */
export function parseProperties(parameter: string, text: string): Properties {
  const properties: Properties = new Map();
  if (text.trim() === '') return properties;
  const node = parseDocumentParameter(parameter, text, 'properties');
  const extra = childNames(node).filter((name) => name !== 'property');
  if (extra.length > 0) throw invalidArgument(parameter, `unexpected <${extra[0]}>`);
  const entries = typeof node === 'object' && node !== null ? ((node as XmlNode).property ?? []) : [];
  for (const entry of entries as unknown[]) {
    const name = attributeOf(entry, 'name');
    const value = leafText(entry);
    if (!name || ATTRIBUTE_NAME.exec(name) === null)
      throw invalidArgument(parameter, 'every <property> needs a valid name attribute');
    if (value === undefined)
      throw invalidArgument(parameter, `<property name="${name}"> must hold text only`);
    const key = [...properties.keys()].find((known) => known.toLowerCase() === name.toLowerCase()) ?? name;
    properties.set(key, [...(properties.get(key) ?? []), ...(value === '' ? [] : [value])]);
  }
  return properties;
}

/** `<propertyList><property name="displayName"/>…</propertyList>`: at least one name. */
export function parsePropertyList(parameter: string, text: string): string[] {
  const node = parseDocumentParameter(parameter, text, 'propertyList');
  const entries = (typeof node === 'object' && node !== null ? (node as XmlNode).property : undefined) ?? [];
  const names = (entries as unknown[]).map((entry) => {
    const name = attributeOf(entry, 'name');
    if (!name || ATTRIBUTE_NAME.exec(name) === null)
      throw invalidArgument(parameter, 'every <property> needs a valid name attribute');
    return name;
  });
  if (names.length === 0) throw invalidArgument(parameter, 'lists no <property>');
  return names;
}

/** `<data><a>…</a>…</data>` of SubmitMpsRequest: the text of each named child. */
export function parseMpsData(parameter: string, text: string): Map<string, string> {
  const node = parseDocumentParameter(parameter, text, 'data');
  const fields = new Map<string, string>();
  for (const name of childNames(node)) {
    const value = leafText((node as XmlNode)[name]);
    if (value === undefined) throw invalidArgument(parameter, `<${name}> must hold text only, once`);
    fields.set(name, value);
  }
  return fields;
}

/** A field of a SubmitMpsRequest data blob, named in errors as `dataXmlBlob/<name>`. */
export function mpsField(fields: Map<string, string>, name: string): string {
  const value = fields.get(name);
  if (value === undefined) throw invalidArgument(`dataXmlBlob/${name}`, 'missing');
  if (value.trim() === '') throw invalidArgument(`dataXmlBlob/${name}`, 'must not be empty');
  return value;
}

export function isAttributeName(name: string): boolean {
  return ATTRIBUTE_NAME.exec(name) !== null;
}
