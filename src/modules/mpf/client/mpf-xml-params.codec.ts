import { XMLBuilder } from 'fast-xml-parser';
import type { MpfProperties } from './mpf-client.types';
import { quantity } from './mpf-values.codec';

/**
 * The XML-valued MPF parameters (…Xml, dataXmlBlob), built with the serializer (values escaped by it).
 * The envelope then carries each one as escaped text. Shapes: docs/mpf-wire-contract.md.
 */
const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  suppressEmptyNode: true,
});

function build(root: string, content: unknown): string {
  return builder.build({ [root]: content });
}

/** `<mailStore><megabytes>N</megabytes><shared>1</shared></mailStore>` */
export function mailStoreXml(megabytes: number): string {
  return build('mailStore', { megabytes: quantity('mailStoreMb', megabytes), shared: '1' });
}

/** `<publicStore><megabytes>N</megabytes></publicStore>` */
export function publicStoreXml(megabytes: number): string {
  return build('publicStore', { megabytes: quantity('publicStoreMb', megabytes) });
}

/** `<availablePlans><planName>GoldMail</planName>…</availablePlans>` */
export function availablePlansXml(plans: readonly string[]): string {
  return build('availablePlans', plans.length ? { planName: [...plans] } : '');
}

/** `<properties><property name="l">City</property>…</properties>` */
export function propertiesXml(properties: MpfProperties = {}): string {
  const list = Object.entries(properties).map(([name, value]) => ({ '@_name': name, '#text': value }));
  return build('properties', list.length ? { property: list } : '');
}

/** `<propertyList><property name="displayName"/>…</propertyList>` */
export function propertyListXml(names: readonly string[]): string {
  return build('propertyList', names.length ? { property: names.map((name) => ({ '@_name': name })) } : '');
}

/** SubmitMpsRequest's `<data>…</data>`: one element per entry, in order. */
export function dataXml(fields: ReadonlyArray<readonly [string, string]>): string {
  return build('data', Object.fromEntries(fields));
}
