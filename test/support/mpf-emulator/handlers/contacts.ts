import { addAttributes, type Ctx, objectAt, orgAt, splitProperties } from '../context';
import { alreadyExists } from '../errors';
import { type Args, parseProperties, pathOf } from '../params';
import { method, type MethodSpec } from '../spec';
import { checkName, sameText } from './names';

/**
 * Contacts: `CN=<name>,OU=<org>,…`, objectClass contact, with the propertiesXml entries the schema defines
 * (displayName, mail, givenName, sn, l, telephoneNumber, …); the others, targetAddress among them (Samba's
 * schema has none), are kept in the emulator's state.
 */

async function createContact(ctx: Ctx, a: Args): Promise<string> {
  const orgDn = a.path('orgPath');
  const name = checkName('name', a.required('name', 64));
  const properties = parseProperties('propertiesXml', a.optional('propertiesXml', 65536));
  a.pdc();
  a.bool('sendCredentials');
  const org = await orgAt(ctx, orgDn, 'orgPath');
  const { directory, kept } = await splitProperties(ctx, 'propertiesXml', properties);
  const dn = org.dn.child('CN', name);
  if (await ctx.dir.get(dn)) throw alreadyExists(dn.toString());
  await ctx.dir.add(
    dn,
    addAttributes({
      objectClass: ['top', 'person', 'organizationalPerson', 'contact'],
      ...Object.fromEntries(directory),
    }),
  );
  const targetKey = [...kept.keys()].find((key) => sameText(key, 'targetAddress'));
  const targetAddress = targetKey === undefined ? undefined : kept.get(targetKey)?.[0];
  if (targetKey !== undefined) kept.delete(targetKey);
  ctx.state.contacts.set(dn.key(), { dn: dn.toString(), targetAddress, properties: kept });
  return pathOf(dn);
}

async function deleteContact(ctx: Ctx, a: Args): Promise<undefined> {
  const dn = a.path('path');
  a.pdc();
  a.bool('sendCredentials');
  const contact = await objectAt(ctx, dn, 'path', ['contact']);
  await ctx.dir.del(contact.dn);
  ctx.state.contacts.delete(contact.dn.key());
  return undefined;
}

const MAD = 'ManagedActiveDirectory';

export const contactMethods: MethodSpec[] = [
  method(
    MAD,
    'CreateContact',
    ['orgPath', 'name', 'propertiesXml', 'pdc', 'sendCredentials'],
    'path',
    createContact,
  ),
  method(MAD, 'DeleteContact', ['path', 'pdc', 'sendCredentials'], 'bool', deleteContact),
];
