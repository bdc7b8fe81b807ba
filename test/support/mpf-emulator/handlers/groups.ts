import {
  adminsGroup,
  allUsersGroup,
  type Ctx,
  type ObjectRef,
  objectAt,
  orgAt,
  type OrgRef,
} from '../context';
import { Dn } from '../dn';
import { alreadyExists, invalidArgument, noSuchObject } from '../errors';
import type { Args } from '../params';
import { method, type MethodSpec } from '../spec';
import { checkName } from './names';

/**
 * Distribution lists: `CN=<name>,OU=<org>,…`, groupType 8 (universal distribution), managedBy = a user of the
 * same organization; membership through `member` (AD maintains `memberOf` on the members).
 */

const UNIVERSAL_DISTRIBUTION_GROUP = '8';

async function manager(ctx: Ctx, dn: Dn, org: OrgRef): Promise<ObjectRef> {
  const user = await objectAt(ctx, dn, 'managedBy', ['user']);
  if (!user.org.dn.equals(org.dn))
    throw invalidArgument('managedBy', `${user.dn.toString()} is not in organization ${org.name}`);
  return user;
}

/** A distribution list of an organization (not its Admins@ / AllUsers@ security groups). */
async function distributionList(ctx: Ctx, dn: Dn, parameter: string): Promise<ObjectRef> {
  const group = await objectAt(ctx, dn, parameter, ['group'], ['groupType']);
  const system = [adminsGroup(group.org), allUsersGroup(group.org)].some((known) => known.equals(group.dn));
  if (system || Number(group.entry.first('groupType') ?? '0') < 0)
    throw invalidArgument(parameter, `${group.dn.toString()} is not a distribution list`);
  return group;
}

async function createDistributionList(ctx: Ctx, a: Args): Promise<undefined> {
  const orgDn = a.path('orgPath');
  const name = checkName('name', a.required('name', 64));
  a.pdc();
  const managedBy = a.path('managedBy');
  a.bool('sendCredentials');
  const org = await orgAt(ctx, orgDn, 'orgPath');
  const owner = await manager(ctx, managedBy, org);
  const dn = org.dn.child('CN', name);
  if (await ctx.dir.get(dn)) throw alreadyExists(dn.toString());
  await ctx.dir.add(dn, {
    objectClass: ['top', 'group'],
    groupType: UNIVERSAL_DISTRIBUTION_GROUP,
    managedBy: owner.dn.toString(),
  });
  return undefined;
}

async function modifyDistributionList(ctx: Ctx, a: Args): Promise<undefined> {
  const dn = a.path('dlPath');
  a.pdc();
  const managedBy = a.path('managedBy');
  a.bool('sendCredentials');
  const list = await distributionList(ctx, dn, 'dlPath');
  const owner = await manager(ctx, managedBy, list.org);
  await ctx.dir.replace(list.dn, 'managedBy', [owner.dn.toString()]);
  return undefined;
}

async function deleteDistributionList(ctx: Ctx, a: Args): Promise<undefined> {
  const dn = a.path('dlPath');
  a.pdc();
  a.bool('sendCredentials');
  const list = await distributionList(ctx, dn, 'dlPath');
  await ctx.dir.del(list.dn);
  return undefined;
}

function membership(add: boolean) {
  return async (ctx: Ctx, a: Args): Promise<undefined> => {
    const groupDn = a.path('groupPath');
    const memberDn = a.path('memberPath');
    a.pdc();
    a.bool('sendCredentials');
    const group = await objectAt(ctx, groupDn, 'groupPath', ['group'], ['member']);
    const member = await objectAt(ctx, memberDn, 'memberPath', ['user', 'group', 'contact']);
    if (!member.org.dn.equals(group.org.dn))
      throw invalidArgument('memberPath', `${member.dn.toString()} is not in organization ${group.org.name}`);
    if (member.dn.equals(group.dn))
      throw invalidArgument('memberPath', 'a group cannot be a member of itself');
    const isMember = group.entry.values('member').some((value) => Dn.parse(value).equals(member.dn));
    const what = `${member.dn.toString()} as a member of ${group.dn.toString()}`;
    if (add && isMember) throw alreadyExists(what);
    if (!add && !isMember) throw noSuchObject(what);
    await ctx.dir.modify(group.dn, [
      { operation: add ? 'add' : 'delete', type: 'member', values: [member.dn.toString()] },
    ]);
    return undefined;
  };
}

const HE = 'HostedExchange';
const MAD = 'ManagedActiveDirectory';
const MEMBERSHIP_PARAMS = ['groupPath', 'memberPath', 'pdc', 'sendCredentials'];

export const groupMethods: MethodSpec[] = [
  method(
    HE,
    'CreateDistributionList',
    ['orgPath', 'name', 'pdc', 'managedBy', 'sendCredentials'],
    'document',
    createDistributionList,
  ),
  method(
    HE,
    'ModifyDistributionList',
    ['dlPath', 'pdc', 'managedBy', 'sendCredentials'],
    'document',
    modifyDistributionList,
  ),
  method(
    HE,
    'DeleteDistributionList',
    ['dlPath', 'pdc', 'sendCredentials'],
    'document',
    deleteDistributionList,
  ),
  method(MAD, 'GroupAdd', MEMBERSHIP_PARAMS, 'bool', membership(true)),
  method(MAD, 'GroupRemove', MEMBERSHIP_PARAMS, 'bool', membership(false)),
];
