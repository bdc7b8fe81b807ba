import {
  addAttributes,
  addressHolder,
  adminsGroup,
  allUsersGroup,
  type Ctx,
  type ObjectRef,
  objectAt,
  orgAt,
  type OrgRef,
  splitProperties,
} from '../context';
import { filter, type Modification } from '../directory';
import { Dn } from '../dn';
import {
  alreadyExists,
  fromLdapError,
  invalidArgument,
  isPasswordPolicyError,
  MpfCode,
  MpfError,
} from '../errors';
import { type Args, domainOf, parseProperties, type Properties } from '../params';
import { method, type MethodSpec } from '../spec';
import type { UserState } from '../state';
import { checkSamAccountName, sameText } from './names';
import { requireOrgDomain } from './organizations';

/**
 * Users (mailboxes): `CN=<UPN>,OU=<org>,…` with mail = UPN and proxyAddresses = SMTP:<UPN>, a password, and
 * userAccountControl 512, member of AllUsers@<org> (and Admins@<org> when admin). The mailbox plan lives in
 * the emulator's state.
 */

const USER_CLASSES = ['top', 'person', 'organizationalPerson', 'user'];
const ACCOUNT_DISABLED = 2;

/** Optional single-valued text fields, with the schema's length limits (rangeUpper). */
const FIELDS = [
  ['displayName', 256],
  ['givenName', 64],
  ['middleName', 64],
  ['sn', 64],
  ['initials', 6],
  ['description', 1024],
] as const;

function readFields(a: Args): Record<string, string> {
  return Object.fromEntries(FIELDS.map(([name, max]) => [name, a.optional(name, max)]));
}

function checkUpn(a: Args): string {
  const upn = a.address('userPrincipalName');
  if (upn.length > 64) throw invalidArgument('userPrincipalName', 'longer than 64 characters (it is the CN)');
  return upn;
}

function planOf(org: OrgRef, planName: string): string {
  const plan = org.state.availablePlans.find((known) => sameText(known, planName));
  if (!plan)
    throw invalidArgument('planName', `${planName} is not an available plan of organization ${org.name}`);
  return plan;
}

function passwordRefused(error: unknown): MpfError {
  const reason = error instanceof Error ? error.message : String(error);
  return new MpfError(
    MpfCode.PASSWORD_POLICY,
    `The password does not meet the password policy requirements (${reason})`,
  );
}

async function requireUniqueAccount(ctx: Ctx, attribute: string, value: string, except?: Dn): Promise<void> {
  const holders = await ctx.dir.search(await ctx.dir.domainRoot(), {
    scope: 'sub',
    filter: filter.eq(attribute, value),
  });
  const other = holders.find((entry) => !except?.equals(entry.dn));
  if (other) throw alreadyExists(`${attribute} ${value} (used by ${other.dn.toString()})`);
}

async function requireFreeAddress(ctx: Ctx, address: string, except?: Dn): Promise<void> {
  const holder = await addressHolder(ctx, address, except);
  if (holder) throw alreadyExists(`address ${address} (used by ${holder.toString()})`);
}

function userState(ctx: Ctx, user: ObjectRef): UserState {
  let state = ctx.state.users.get(user.dn.key());
  if (!state) {
    state = {
      upn: user.entry.first('userPrincipalName') ?? user.dn.rdn.value,
      dn: user.dn.toString(),
      mailboxPlan: '',
      properties: new Map(),
    };
    ctx.state.users.set(user.dn.key(), state);
  }
  return state;
}

async function setMembership(ctx: Ctx, group: Dn, member: Dn, wanted: boolean): Promise<void> {
  const entry = await ctx.dir.get(group, ['member']);
  const present = (entry?.values('member') ?? []).some((value) => Dn.parse(value).equals(member));
  if (present === wanted) return;
  await ctx.dir.modify(group, [
    { operation: wanted ? 'add' : 'delete', type: 'member', values: [member.toString()] },
  ]);
}

async function createBusinessUser(ctx: Ctx, a: Args): Promise<undefined> {
  const containerDn = a.path('container');
  const upn = checkUpn(a);
  const sam = checkSamAccountName('sAMAccountName', a.required('sAMAccountName', 20));
  const fields = readFields(a);
  const planName = a.required('planName', 256);
  const password = a.required('newPassword', 256);
  const isAdmin = a.bool('isAdmin');
  a.raw('unused1');
  const properties = parseProperties('propertiesXml', a.optional('propertiesXml', 65536));
  a.raw('unused2');
  a.pdc();

  const org = await orgAt(ctx, containerDn, 'container');
  const plan = planOf(org, planName);
  requireOrgDomain(org, 'userPrincipalName', domainOf(upn));
  const { directory, kept } = await splitProperties(ctx, 'propertiesXml', properties, ['mail']);
  await requireUniqueAccount(ctx, 'sAMAccountName', sam);
  await requireUniqueAccount(ctx, 'userPrincipalName', upn);
  await requireFreeAddress(ctx, upn);
  const dn = org.dn.child('CN', upn);
  if (await ctx.dir.get(dn)) throw alreadyExists(dn.toString());

  await ctx.dir.add(
    dn,
    addAttributes({
      objectClass: USER_CLASSES,
      userPrincipalName: upn,
      sAMAccountName: sam,
      ...fields,
      mail: upn,
      proxyAddresses: `SMTP:${upn}`,
      ...Object.fromEntries(directory),
    }),
  );
  // Never leave a half-created user behind: any failure from here on deletes it.
  try {
    await ctx.dir.setPassword(dn, password);
    await ctx.dir.replace(dn, 'userAccountControl', ['512']);
    await setMembership(ctx, allUsersGroup(org), dn, true);
    if (isAdmin) await setMembership(ctx, adminsGroup(org), dn, true);
  } catch (error) {
    await ctx.dir.del(dn).catch(() => undefined);
    throw isPasswordPolicyError(error)
      ? passwordRefused(error)
      : fromLdapError(error, `CreateBusinessUser ${upn}`);
  }
  ctx.state.users.set(dn.key(), { upn, dn: dn.toString(), mailboxPlan: plan, properties: kept });
  return undefined;
}

async function deleteBusinessUser(ctx: Ctx, a: Args): Promise<undefined> {
  const dn = a.path('userPath');
  a.pdc();
  const target = await objectAt(ctx, dn, 'userPath', ['user'], ['userPrincipalName']);
  await ctx.dir.del(target.dn);
  ctx.state.users.delete(target.dn.key());
  const upn = target.entry.first('userPrincipalName');
  if (upn) ctx.state.mailboxUsage.delete(upn.toLowerCase());
  return undefined;
}

function setEnabled(enabled: boolean) {
  return async (ctx: Ctx, a: Args): Promise<undefined> => {
    const dn = a.path('userPath');
    a.pdc();
    const target = await objectAt(ctx, dn, 'userPath', ['user'], ['userAccountControl']);
    const flags = Number(target.entry.first('userAccountControl') ?? '512');
    const next = enabled ? flags & ~ACCOUNT_DISABLED : flags | ACCOUNT_DISABLED;
    await ctx.dir.replace(target.dn, 'userAccountControl', [String(next)]);
    return undefined;
  };
}

async function makeUserAdmin(ctx: Ctx, a: Args): Promise<undefined> {
  const dn = a.path('userPath');
  const isAdmin = a.bool('isAdmin');
  a.pdc();
  const target = await objectAt(ctx, dn, 'userPath', ['user']);
  await setMembership(ctx, adminsGroup(target.org), target.dn, isAdmin);
  return undefined;
}

async function setUserPassword(ctx: Ctx, a: Args): Promise<undefined> {
  const dn = a.path('userPath');
  const password = a.required('newPassword', 256);
  a.pdc();
  const target = await objectAt(ctx, dn, 'userPath', ['user']);
  await ctx.dir.setPassword(target.dn, password).catch((error: unknown) => {
    throw isPasswordPolicyError(error) ? passwordRefused(error) : error;
  });
  return undefined;
}

async function changeUserMailboxPlan(ctx: Ctx, a: Args): Promise<undefined> {
  const dn = a.path('userPath');
  const planName = a.required('planName', 256);
  a.pdc();
  const userType = a.raw('userType');
  if (userType !== 'BusinessUser')
    throw invalidArgument('userType', `must be "BusinessUser", not "${userType}"`);
  const target = await objectAt(ctx, dn, 'userPath', ['user'], ['userPrincipalName']);
  userState(ctx, target).mailboxPlan = planOf(target.org, planName);
  return undefined;
}

/** ManagedActiveDirectory ModifyUser: empty values leave the attribute unchanged; an empty property clears it. */
async function modifyUser(ctx: Ctx, a: Args): Promise<undefined> {
  const dn = a.path('path');
  const upnText = a.raw('userPrincipalName');
  const upn = upnText === '' ? '' : checkUpn(a);
  const samText = a.raw('sAMAccountName');
  const sam = samText === '' ? '' : checkSamAccountName('sAMAccountName', a.required('sAMAccountName', 20));
  const fields = readFields(a);
  const properties = parseProperties('propertiesXml', a.optional('propertiesXml', 65536));
  a.pdc();
  a.bool('sendCredentials');

  const target = await objectAt(ctx, dn, 'path', ['user'], ['userPrincipalName', 'sAMAccountName']);
  const changes: Modification[] = [];
  if (upn && upn !== target.entry.first('userPrincipalName')) {
    requireOrgDomain(target.org, 'userPrincipalName', domainOf(upn));
    await requireUniqueAccount(ctx, 'userPrincipalName', upn, target.dn);
    await requireFreeAddress(ctx, upn, target.dn);
    changes.push({ operation: 'replace', type: 'userPrincipalName', values: [upn] });
  }
  if (sam && sam !== target.entry.first('sAMAccountName')) {
    await requireUniqueAccount(ctx, 'sAMAccountName', sam, target.dn);
    changes.push({ operation: 'replace', type: 'sAMAccountName', values: [sam] });
  }
  for (const [name, value] of Object.entries(fields))
    if (value !== '') changes.push({ operation: 'replace', type: name, values: [value] });
  const { directory, kept } = await splitProperties(ctx, 'propertiesXml', properties, ['mail']);
  for (const [name, values] of directory) changes.push({ operation: 'replace', type: name, values });
  if (changes.length > 0) await ctx.dir.modify(target.dn, changes);
  const state = userState(ctx, target);
  if (upn) state.upn = upn;
  mergeProperties(state.properties, kept);
  return undefined;
}

/** Sets kept properties; a property without values removes it. */
export function mergeProperties(into: Properties, from: Properties): void {
  for (const [name, values] of from) {
    const key = [...into.keys()].find((known) => sameText(known, name)) ?? name;
    if (values.length === 0) into.delete(key);
    else into.set(key, values);
  }
}

const HE = 'HostedExchange';
/** The user's names, in the order CreateBusinessUser and ModifyUser both take them. */
const NAME_PARAMS = ['userPrincipalName', 'sAMAccountName', ...FIELDS.map(([name]) => name)];

export const userMethods: MethodSpec[] = [
  method(
    HE,
    'CreateBusinessUser',
    [
      'container',
      ...NAME_PARAMS,
      'planName',
      'newPassword',
      'isAdmin',
      'unused1',
      'propertiesXml',
      'unused2',
      'pdc',
    ],
    'document',
    createBusinessUser,
  ),
  method(HE, 'DeleteBusinessUser', ['userPath', 'pdc'], 'document', deleteBusinessUser),
  method(HE, 'DisableUser', ['userPath', 'pdc'], 'document', setEnabled(false)),
  method(HE, 'EnableUser', ['userPath', 'pdc'], 'document', setEnabled(true)),
  method(HE, 'MakeUserAdmin', ['userPath', 'isAdmin', 'pdc'], 'document', makeUserAdmin),
  method(HE, 'SetUserPassword', ['userPath', 'newPassword', 'pdc'], 'document', setUserPassword),
  method(
    HE,
    'ChangeUserMailboxPlan',
    ['userPath', 'planName', 'pdc', 'userType'],
    'document',
    changeUserMailboxPlan,
  ),
  method(
    'ManagedActiveDirectory',
    'ModifyUser',
    ['path', ...NAME_PARAMS, 'propertiesXml', 'pdc', 'sendCredentials'],
    'bool',
    modifyUser,
  ),
];
