import { addressHolder, type Ctx, objectAt, orgAt } from '../context';
import { filter } from '../directory';
import { alreadyExists, invalidArgument, noSuchObject } from '../errors';
import { type Args, checkAddress, domainOf, mpsField, parseMpsData, parsePath } from '../params';
import { method, type MethodSpec } from '../spec';
import type { XmlNode } from '../xml';
import { checkName, sameText } from './names';
import { requireOrgDomain } from './organizations';

/**
 * MPSGeneral SubmitMpsRequest: the MPF procedures called directly. Data fields are named in errors as
 * `dataXmlBlob/<field>`. Mail-enabling writes `mail` and `proxyAddresses`; a contact's targetAddress and the
 * mailbox usage live in the emulator's state.
 */

type Procedure = (ctx: Ctx, data: Map<string, string>) => Promise<XmlNode | undefined>;

const field = (name: string) => `dataXmlBlob/${name}`;

async function mailEnable(ctx: Ctx, data: Map<string, string>, kind: 'group' | 'contact') {
  const dn = parsePath(field('path'), mpsField(data, 'path'), ctx.reseller);
  const cn = mpsField(data, 'cn');
  const proxyAddress = checkAddress(field('proxyAddress'), mpsField(data, 'proxyAddress'));
  const target = await objectAt(ctx, dn, field('path'), [kind], ['cn', 'mail']);
  if (!sameText(cn, target.entry.first('cn') ?? target.dn.rdn.value))
    throw invalidArgument(field('cn'), `"${cn}" is not the cn of ${target.dn.toString()}`);
  const mail = target.entry.first('mail');
  if (kind === 'group' && mail)
    throw alreadyExists(`${target.dn.toString()} is already mail-enabled (${mail})`);
  const holder = await addressHolder(ctx, proxyAddress, target.dn);
  if (holder) throw alreadyExists(`address ${proxyAddress} (used by ${holder.toString()})`);
  return { target, proxyAddress };
}

const mailEnableGroup: Procedure = async (ctx, data) => {
  mpsField(data, 'preferredDomainController');
  const { target, proxyAddress } = await mailEnable(ctx, data, 'group');
  requireOrgDomain(target.org, field('proxyAddress'), domainOf(proxyAddress));
  await ctx.dir.modify(target.dn, [
    { operation: 'replace', type: 'mail', values: [proxyAddress] },
    { operation: 'replace', type: 'proxyAddresses', values: [`SMTP:${proxyAddress}`] },
  ]);
  return undefined;
};

const mailEnableContact: Procedure = async (ctx, data) => {
  const targetAddress = checkAddress(field('targetAddress'), mpsField(data, 'targetAddress'));
  const { target, proxyAddress } = await mailEnable(ctx, data, 'contact');
  await ctx.dir.modify(target.dn, [
    { operation: 'replace', type: 'mail', values: [proxyAddress] },
    { operation: 'replace', type: 'proxyAddresses', values: [`SMTP:${proxyAddress}`] },
  ]);
  const state = ctx.state.contacts.get(target.dn.key());
  if (state) state.targetAddress = targetAddress;
  else
    ctx.state.contacts.set(target.dn.key(), {
      dn: target.dn.toString(),
      targetAddress,
      properties: new Map(),
    });
  return undefined;
};

const getMailboxUsage: Procedure = async (ctx, data) => {
  const organization = checkName(field('organization'), mpsField(data, 'organization'));
  mpsField(data, 'preferredDomainController');
  const mailbox = checkAddress(field('mailbox'), mpsField(data, 'mailbox'));
  const org = await orgAt(ctx, ctx.reseller.child('OU', organization), field('organization'));
  const [user] = await ctx.dir.search(org.dn, {
    scope: 'one',
    filter: filter.and(filter.eq('objectClass', 'user'), filter.eq('userPrincipalName', mailbox)),
  });
  if (!user) throw noSuchObject(`mailbox ${mailbox} in organization ${org.name}`);
  return { usage: String(ctx.state.usage(mailbox)) };
};

const PROCEDURES = new Map<string, Procedure>([
  ['Managed Exchange/MailEnableGroup', mailEnableGroup],
  ['WS Exchange Provider Adapter/GetMailboxUsage', getMailboxUsage],
  ['WS Exchange Provider Adapter/MailEnableContact', mailEnableContact],
]);

async function submitMpsRequest(ctx: Ctx, a: Args): Promise<XmlNode | undefined> {
  const namespace = a.required('namespace', 256);
  const procedure = a.required('procedure', 256);
  const data = parseMpsData('dataXmlBlob', a.required('dataXmlBlob', 65536));
  a.bool('sendCredentials');
  const run = PROCEDURES.get(`${namespace}/${procedure}`);
  if (!run) throw invalidArgument('procedure', `no procedure "${procedure}" in namespace "${namespace}"`);
  return run(ctx, data);
}

export const mpsMethods: MethodSpec[] = [
  method(
    'MPSGeneral',
    'SubmitMpsRequest',
    ['namespace', 'procedure', 'dataXmlBlob', 'sendCredentials'],
    'mps',
    submitMpsRequest,
  ),
];
