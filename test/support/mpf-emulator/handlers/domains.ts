import { addressHolder, type Ctx, objectAt, orgAt } from '../context';
import { filter } from '../directory';
import { alreadyExists, inUse, invalidArgument, noSuchObject } from '../errors';
import { type Args, domainOf } from '../params';
import { method, type MethodSpec } from '../spec';
import type { SmtpDomainType } from '../state';
import { requireOrgDomain } from './organizations';

/**
 * SMTP domains (emulator state; unique across organizations, one PrimaryDomain each) and proxy addresses
 * (AD `proxyAddresses`: `SMTP:` marks the primary, which is also `mail`).
 */

const DOMAIN_TYPES: readonly SmtpDomainType[] = ['PrimaryDomain', 'SecondaryDomain', 'VanityDomain'];

async function createSmtpDomain(ctx: Ctx, a: Args): Promise<undefined> {
  const orgDn = a.path('orgPath');
  a.pdc();
  const domain = a.domain('domain');
  const type = a.raw('type') as SmtpDomainType;
  if (!DOMAIN_TYPES.includes(type))
    throw invalidArgument('type', `must be one of ${DOMAIN_TYPES.join(', ')}`);
  const org = await orgAt(ctx, orgDn, 'orgPath');
  const own = org.state.smtpDomains.get(domain.toLowerCase());
  if (type === 'PrimaryDomain' && own) {
    // Inferred (no public source documents how HMC changes the primary domain): creating one of the organization's
    // own domains again as PrimaryDomain promotes it, and the previous primary becomes a SecondaryDomain.
    for (const known of org.state.smtpDomains.values())
      if (known.type === 'PrimaryDomain') known.type = 'SecondaryDomain';
    own.type = 'PrimaryDomain';
    return undefined;
  }
  const owner = ctx.state.domainOwner(domain);
  if (owner) throw alreadyExists(`SMTP domain ${domain} (organization ${owner.name})`);
  const primary = [...org.state.smtpDomains.values()].find((known) => known.type === 'PrimaryDomain');
  if (type === 'PrimaryDomain' && primary)
    throw invalidArgument(
      'type',
      `organization ${org.name} already has a primary domain (${primary.domain})`,
    );
  org.state.smtpDomains.set(domain.toLowerCase(), { domain, type });
  return undefined;
}

/** Refused (0x80131509) for the primary domain and for a domain still used by an address or public folder. */
async function deleteSmtpDomain(ctx: Ctx, a: Args): Promise<undefined> {
  const orgDn = a.path('orgPath');
  a.pdc();
  const domain = a.domain('domain');
  const org = await orgAt(ctx, orgDn, 'orgPath');
  const known = org.state.smtpDomains.get(domain.toLowerCase());
  if (!known) throw noSuchObject(`SMTP domain ${domain} of organization ${org.name}`);
  if (known.type === 'PrimaryDomain')
    throw inUse(`${domain} is the primary SMTP domain of organization ${org.name}`);
  const suffix = `@${domain}`;
  const users = await ctx.dir.search(org.dn, {
    scope: 'sub',
    filter: filter.or(
      filter.endsWith('mail', suffix),
      filter.endsWith('proxyAddresses', suffix),
      filter.endsWith('userPrincipalName', suffix),
    ),
  });
  if (users.length > 0)
    throw inUse(
      `SMTP domain ${domain} is still used by ${users.length} object(s), e.g. ${users[0].dn.toString()}`,
    );
  if (org.state.publicFolders.some((folder) => folder.domain.toLowerCase() === domain.toLowerCase()))
    throw inUse(`SMTP domain ${domain} is still used by a public folder`);
  org.state.smtpDomains.delete(domain.toLowerCase());
  return undefined;
}

function readProxyCall(a: Args) {
  const dn = a.path('userPath');
  a.pdc();
  const address = a.address('address');
  const isPrimary = a.bool('isPrimary');
  return { dn, address, isPrimary };
}

const isPrimaryProxy = (value: string) => value.startsWith('SMTP:');
const sameProxy = (value: string, address: string) => value.toLowerCase() === `smtp:${address.toLowerCase()}`;

/** Adds `smtp:<address>`; with isPrimary it becomes `SMTP:` and `mail`, and the old primary becomes `smtp:`. */
async function createSmtpProxyAddress(ctx: Ctx, a: Args): Promise<undefined> {
  const { dn, address, isPrimary } = readProxyCall(a);
  const target = await objectAt(ctx, dn, 'userPath', ['user', 'group'], ['proxyAddresses']);
  requireOrgDomain(target.org, 'address', domainOf(address));
  const holder = await addressHolder(ctx, address, target.dn);
  if (holder) throw alreadyExists(`address ${address} (used by ${holder.toString()})`);
  const proxies = target.entry.values('proxyAddresses');
  const existing = proxies.find((value) => sameProxy(value, address));
  if (existing !== undefined && (!isPrimary || isPrimaryProxy(existing)))
    throw alreadyExists(`address ${address} of ${target.dn.toString()}`);
  const others = proxies.filter((value) => value !== existing);
  if (!isPrimary) {
    await ctx.dir.replace(target.dn, 'proxyAddresses', [...others, `smtp:${address}`]);
    return undefined;
  }
  const demoted = others.map((value) => (isPrimaryProxy(value) ? `smtp:${value.slice(5)}` : value));
  await ctx.dir.modify(target.dn, [
    { operation: 'replace', type: 'proxyAddresses', values: [...demoted, `SMTP:${address}`] },
    { operation: 'replace', type: 'mail', values: [address] },
  ]);
  return undefined;
}

async function deleteSmtpProxyAddress(ctx: Ctx, a: Args): Promise<undefined> {
  const { dn, address } = readProxyCall(a);
  const target = await objectAt(ctx, dn, 'userPath', ['user', 'group'], ['proxyAddresses']);
  const existing = target.entry.values('proxyAddresses').find((value) => sameProxy(value, address));
  if (existing === undefined) throw noSuchObject(`address ${address} of ${target.dn.toString()}`);
  if (isPrimaryProxy(existing))
    throw invalidArgument('address', `${address} is the primary address of ${target.dn.toString()}`);
  await ctx.dir.modify(target.dn, [{ operation: 'delete', type: 'proxyAddresses', values: [existing] }]);
  return undefined;
}

const HE = 'HostedExchange';
const PROXY_PARAMS = ['userPath', 'pdc', 'address', 'isPrimary'];

export const domainMethods: MethodSpec[] = [
  method(HE, 'CreateSMTPDomain', ['orgPath', 'pdc', 'domain', 'type'], 'document', createSmtpDomain),
  method(HE, 'DeleteSMTPDomain', ['orgPath', 'pdc', 'domain'], 'document', deleteSmtpDomain),
  method(HE, 'CreateSMTPProxyAddress', PROXY_PARAMS, 'document', createSmtpProxyAddress),
  method(HE, 'DeleteSMTPProxyAddress', PROXY_PARAMS, 'document', deleteSmtpProxyAddress),
];
