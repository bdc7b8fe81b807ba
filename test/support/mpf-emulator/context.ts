import type { Dn } from './dn';
import { type DirEntry, type Directory, type DirectoryKind, filter } from './directory';
import { invalidArgument, noSuchObject } from './errors';
import type { Args, Properties } from './params';
import type { EmulatorState, OrgState } from './state';

/** What every handler works with, and the lookups they share. */
export interface Ctx {
  dir: Directory;
  state: EmulatorState;
  reseller: Dn;
}

export interface OrgRef {
  dn: Dn;
  name: string;
  state: OrgState;
}

export interface ObjectRef {
  dn: Dn;
  entry: DirEntry;
  org: OrgRef;
  kind: DirectoryKind;
}

export const adminsGroup = (org: OrgRef): Dn => org.dn.child('CN', `Admins@${org.name}`);
export const privateContainer = (org: OrgRef): Dn => org.dn.child('CN', '_Private');
export const allUsersGroup = (org: OrgRef): Dn => privateContainer(org).child('CN', `AllUsers@${org.name}`);

/** The organization `dn` names: an existing OU directly below the reseller OU. */
export async function orgAt(ctx: Ctx, dn: Dn, parameter: string): Promise<OrgRef> {
  if (dn.depth !== ctx.reseller.depth + 1 || dn.rdn.type.toLowerCase() !== 'ou')
    throw invalidArgument(parameter, `${dn.toString()} is not an organization (OU=<name>,<reseller OU>)`);
  const entry = await ctx.dir.get(dn);
  if (!entry || entry.kind !== 'organizationalUnit') throw noSuchObject(`organization ${dn.toString()}`);
  return { dn: entry.dn, name: entry.dn.rdn.value, state: ctx.state.org(entry.dn) };
}

export async function requireOrg(ctx: Ctx, args: Args, parameter = 'orgPath'): Promise<OrgRef> {
  return orgAt(ctx, args.path(parameter), parameter);
}

/** An existing object inside an organization whose kind is one of `kinds`. */
export async function objectAt(
  ctx: Ctx,
  dn: Dn,
  parameter: string,
  kinds: DirectoryKind[],
  attributes: string[] = [],
): Promise<ObjectRef> {
  if (dn.depth < ctx.reseller.depth + 2)
    throw invalidArgument(parameter, `${dn.toString()} does not lie inside an organization`);
  const org = await orgAt(ctx, dn.ancestor(ctx.reseller.depth + 1), parameter);
  const entry = await ctx.dir.get(dn, attributes);
  if (!entry) throw noSuchObject(dn.toString());
  if (!kinds.includes(entry.kind))
    throw invalidArgument(parameter, `${dn.toString()} is not a ${kinds.join(' or ')}`);
  return { dn: entry.dn, entry, org, kind: entry.kind };
}

export async function requireObject(
  ctx: Ctx,
  args: Args,
  parameter: string,
  kinds: DirectoryKind[],
  attributes: string[] = [],
): Promise<ObjectRef> {
  return objectAt(ctx, args.path(parameter), parameter, kinds, attributes);
}

/** The object under the reseller OU (other than `except`) already using an SMTP address, if any. */
export async function addressHolder(ctx: Ctx, address: string, except?: Dn): Promise<Dn | undefined> {
  const holders = await ctx.dir.search(ctx.reseller, {
    scope: 'sub',
    filter: filter.or(
      filter.eq('mail', address),
      filter.eq('proxyAddresses', `smtp:${address}`),
      filter.eq('userPrincipalName', address),
    ),
  });
  return holders.map((entry) => entry.dn).find((dn) => !except?.equals(dn));
}

/** Properties nobody may set through propertiesXml: identity, structure, security, and what MPF manages. */
const FORBIDDEN = new Set(
  [
    'objectClass',
    'objectCategory',
    'cn',
    'name',
    'distinguishedName',
    'instanceType',
    'nTSecurityDescriptor',
    'unicodePwd',
    'userPassword',
    'userAccountControl',
    'sAMAccountName',
    'userPrincipalName',
    'member',
    'memberOf',
    'managedBy',
    'proxyAddresses',
    'primaryGroupID',
    'mailboxPlan',
  ].map((name) => name.toLowerCase()),
);

const STRING_SYNTAXES = new Set(['2.5.5.12', '2.5.5.4', '2.5.5.5', '2.5.5.6']);

/**
 * Splits propertiesXml entries: those the directory schema defines go to AD (keyed by their schema name),
 * the others (e.g. Exchange attributes such as targetAddress) are kept in the emulator's state.
 */
export async function splitProperties(
  ctx: Ctx,
  parameter: string,
  properties: Properties,
  alsoForbidden: string[] = [],
): Promise<{ directory: Map<string, string[]>; kept: Properties }> {
  const directory = new Map<string, string[]>();
  const kept: Properties = new Map();
  const forbidden = new Set([...FORBIDDEN, ...alsoForbidden.map((name) => name.toLowerCase())]);
  for (const [name, values] of properties) {
    if (forbidden.has(name.toLowerCase()))
      throw invalidArgument(parameter, `property "${name}" cannot be set`);
    const schema = await ctx.dir.schemaAttribute(name);
    if (!schema) {
      kept.set(name, values);
      continue;
    }
    if (schema.systemOnly) throw invalidArgument(parameter, `property "${name}" is system-only`);
    if (schema.singleValued && values.length > 1)
      throw invalidArgument(parameter, `property "${name}" takes a single value`);
    const tooLong = values.find(
      (value) =>
        STRING_SYNTAXES.has(schema.syntax) &&
        schema.rangeUpper !== undefined &&
        Array.from(value).length > schema.rangeUpper,
    );
    if (tooLong !== undefined)
      throw invalidArgument(parameter, `property "${name}" is longer than ${schema.rangeUpper} characters`);
    directory.set(schema.name, values);
  }
  return { directory, kept };
}

/** Attributes for an LDAP add: only non-empty values. */
export function addAttributes(
  values: Record<string, string | string[] | undefined>,
): Record<string, string | string[]> {
  const attributes: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    attributes[name] = value;
  }
  return attributes;
}
