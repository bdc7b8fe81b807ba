import type { Ctx } from '../context';
import { Dn, DnSyntaxError } from '../dn';
import { invalidArgument, noSuchObject } from '../errors';
import { type Args, parsePropertyList, type Properties } from '../params';
import { method, type MethodSpec } from '../spec';
import type { XmlNode } from '../xml';
import { sameText } from './names';

/**
 * GetProperties: the AD attributes of any object below the reseller OU, plus what the emulator keeps for it
 * (users: mailboxPlan; contacts: targetAddress; any: propertiesXml entries the schema has no attribute for).
 * A property without values is returned as an empty `<property name="…"/>`.
 *
 * The path may name the reseller OU itself. A path outside the reseller OU is refused (0x80070057) only when
 * the object exists: a missing object is 0x80072030 wherever it is, so a connection test that reads a
 * mistyped reseller OU learns "no such object".
 */

function kept(properties: Properties | undefined, name: string): string[] {
  const key = [...(properties?.keys() ?? [])].find((known) => sameText(known, name));
  return key === undefined ? [] : (properties?.get(key) ?? []);
}

function anyPath(text: string): Dn {
  if (!text.startsWith('LDAP://'))
    throw invalidArgument('path', 'must be an LDAP://<distinguished name> path');
  try {
    return Dn.parse(text.slice('LDAP://'.length));
  } catch (error) {
    throw invalidArgument(
      'path',
      `not a valid distinguished name (${error instanceof DnSyntaxError ? error.message : ''})`,
    );
  }
}

async function getProperties(ctx: Ctx, a: Args): Promise<XmlNode> {
  const dn = anyPath(a.raw('path'));
  a.pdc();
  const names = parsePropertyList('propertyListXml', a.required('propertyListXml', 65536));
  const entry = await ctx.dir.get(dn, names);
  if (!entry) throw noSuchObject(dn.toString());
  if (!dn.isUnder(ctx.reseller) && !dn.equals(ctx.reseller))
    throw invalidArgument('path', `${dn.toString()} is outside the reseller OU`);
  const user = ctx.state.users.get(entry.dn.key());
  const contact = ctx.state.contacts.get(entry.dn.key());
  const org = ctx.state.orgs.get(entry.dn.key());
  const stateValues = (name: string): string[] => {
    if (user && sameText(name, 'mailboxPlan')) return user.mailboxPlan ? [user.mailboxPlan] : [];
    if (contact && sameText(name, 'targetAddress'))
      return contact.targetAddress ? [contact.targetAddress] : [];
    return kept(user?.properties ?? contact?.properties ?? org?.properties, name);
  };
  const property = names.map((name) => {
    const values = entry.values(name).length > 0 ? entry.values(name) : stateValues(name);
    return values.length > 0 ? { '@_name': name, value: values } : { '@_name': name };
  });
  return { properties: { property } };
}

export const propertyMethods: MethodSpec[] = [
  method('HostedExchange', 'GetProperties', ['path', 'pdc', 'propertyListXml'], 'document', getProperties),
];
