import {
  adminsGroup,
  addAttributes,
  allUsersGroup,
  type Ctx,
  orgAt,
  type OrgRef,
  privateContainer,
} from '../context';
import { filter } from '../directory';
import { alreadyExists, inUse, invalidArgument } from '../errors';
import {
  type Args,
  parseAvailablePlans,
  parseMailStore,
  parseProperties,
  parsePublicStore,
  parsePath,
} from '../params';
import { method, type MethodSpec } from '../spec';
import { checkName, sameText } from './names';

/**
 * Organizations: `OU=<name>` below the reseller OU with `CN=_Private`, `CN=Admins@<name>` (universal security
 * group, in the OU) and `CN=AllUsers@<name>` (same, in CN=_Private). Domains, stores, plans, address lists and
 * properties live in the emulator's state.
 */

const UNIVERSAL_SECURITY_GROUP = String(0x80000008 | 0);
/** Admins@ and AllUsers@ must fit a CN (64 characters). */
const MAX_ORG_NAME = 55;

const firstNine = (name: string) => Array.from(name.toLowerCase()).slice(0, 9).join('');

async function createBusinessOrganization(ctx: Ctx, a: Args): Promise<undefined> {
  const container = parsePath('container', a.raw('container'), ctx.reseller, true);
  if (!container.equals(ctx.reseller))
    throw invalidArgument('container', `must be the reseller OU LDAP://${ctx.reseller.toString()}`);
  const name = checkName('name', a.required('name', MAX_ORG_NAME));
  const mailStore = parseMailStore('mailStoreXml', a.required('mailStoreXml', 65536));
  const publicStoreXml = a.optional('publicStoreXml', 65536);
  const publicStore = publicStoreXml ? parsePublicStore('publicStoreXml', publicStoreXml) : { megabytes: 0 };
  const domain = a.domain('SMTPDomain');
  const description = a.optional('description', 1024);
  const properties = parseProperties('propertiesXml', a.optional('propertiesXml', 65536));
  const plansXml = a.optional('availablePlansXml', 65536);
  const plans = plansXml ? parseAvailablePlans('availablePlansXml', plansXml, true) : [];
  a.pdc();
  a.bool('sendCredentials');

  const owner = ctx.state.domainOwner(domain);
  if (owner) throw alreadyExists(`SMTP domain ${domain} (organization ${owner.name})`);
  const orgs = await ctx.dir.search(ctx.reseller, {
    scope: 'one',
    filter: filter.eq('objectClass', 'organizationalUnit'),
  });
  const clash = orgs.find((org) => firstNine(org.dn.rdn.value) === firstNine(name));
  if (clash)
    throw alreadyExists(
      `organization ${clash.dn.rdn.value} (organization names must differ in their first 9 characters)`,
    );

  const dn = ctx.reseller.child('OU', name);
  await ctx.dir.add(dn, addAttributes({ objectClass: ['top', 'organizationalUnit'], description }));
  const org: OrgRef = { dn, name, state: ctx.state.org(dn) };
  try {
    await ctx.dir.add(privateContainer(org), { objectClass: ['top', 'container'] });
    for (const group of [adminsGroup(org), allUsersGroup(org)])
      await ctx.dir.add(group, { objectClass: ['top', 'group'], groupType: UNIVERSAL_SECURITY_GROUP });
  } catch (error) {
    ctx.state.forgetTree(dn);
    await ctx.dir.deleteTree(dn).catch(() => undefined);
    throw error;
  }
  Object.assign(org.state, {
    smtpDomains: new Map([[domain.toLowerCase(), { domain, type: 'PrimaryDomain' }]]),
    mailStore: { megabytes: mailStore.megabytes, shared: mailStore.shared ?? false },
    publicStore,
    availablePlans: plans,
    properties,
  });
  return undefined;
}

/** Refused (0x80131509) while users, contacts or distribution lists remain; then removes the whole OU. */
async function deleteBusinessOrganization(ctx: Ctx, a: Args): Promise<undefined> {
  const orgDn = a.path('orgPath');
  const domain = a.domain('SMTPDomain');
  a.pdc();
  const org = await orgAt(ctx, orgDn, 'orgPath');
  requireOrgDomain(org, 'SMTPDomain', domain);
  const system = new Set([adminsGroup(org).key(), allUsersGroup(org).key()]);
  const children = (
    await ctx.dir.search(org.dn, {
      scope: 'sub',
      filter: filter.or(
        filter.eq('objectClass', 'user'),
        filter.eq('objectClass', 'contact'),
        filter.eq('objectClass', 'group'),
      ),
    })
  ).filter((entry) => !system.has(entry.dn.key()));
  if (children.length > 0) {
    const count = (kind: string) => children.filter((entry) => entry.kind === kind).length;
    throw inUse(
      `Organization ${org.name} still has ${count('user')} user(s), ${count('contact')} contact(s) and ` +
        `${count('group')} distribution list(s)`,
    );
  }
  await ctx.dir.deleteTree(org.dn);
  ctx.state.forgetTree(org.dn);
  return undefined;
}

async function createOrganizationAddressLists(ctx: Ctx, a: Args): Promise<undefined> {
  const orgDn = a.path('orgPath');
  const domain = a.domain('SMTPDomain');
  a.pdc();
  a.bool('sendCredentials');
  const org = await orgAt(ctx, orgDn, 'orgPath');
  requireOrgDomain(org, 'SMTPDomain', domain);
  if (org.state.addressLists.length > 0) throw alreadyExists(`address lists of organization ${org.name}`);
  org.state.addressLists = [`${org.name} GAL`, `${org.name} AL`, `${org.name} OAL`];
  return undefined;
}

async function addAvailablePlans(ctx: Ctx, a: Args): Promise<undefined> {
  const orgDn = a.path('orgPath');
  const plans = parseAvailablePlans('availablePlansXml', a.required('availablePlansXml', 65536));
  a.pdc();
  a.bool('sendCredentials');
  const org = await orgAt(ctx, orgDn, 'orgPath');
  for (const plan of plans)
    if (!org.state.availablePlans.some((known) => sameText(known, plan))) org.state.availablePlans.push(plan);
  return undefined;
}

export function requireOrgDomain(org: OrgRef, parameter: string, domain: string): void {
  if (!org.state.smtpDomains.has(domain.toLowerCase()))
    throw invalidArgument(parameter, `${domain} is not an SMTP domain of organization ${org.name}`);
}

const HE = 'HostedExchange';

export const organizationMethods: MethodSpec[] = [
  method(
    HE,
    'CreateBusinessOrganization',
    [
      'container',
      'name',
      'mailStoreXml',
      'publicStoreXml',
      'SMTPDomain',
      'description',
      'propertiesXml',
      'availablePlansXml',
      'pdc',
      'sendCredentials',
    ],
    'document',
    createBusinessOrganization,
  ),
  method(
    HE,
    'DeleteBusinessOrganization',
    ['orgPath', 'SMTPDomain', 'pdc'],
    'document',
    deleteBusinessOrganization,
  ),
  method(
    HE,
    'CreateOrganizationAddressLists',
    ['orgPath', 'SMTPDomain', 'pdc', 'sendCredentials'],
    'document',
    createOrganizationAddressLists,
  ),
  method(
    HE,
    'AddAvailablePlans',
    ['orgPath', 'availablePlansXml', 'pdc', 'sendCredentials'],
    'document',
    addAvailablePlans,
  ),
];
