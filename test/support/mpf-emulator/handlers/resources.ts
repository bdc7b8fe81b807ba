import { type Ctx, orgAt, type OrgRef } from '../context';
import { filter } from '../directory';
import { alreadyExists, invalidArgument, noSuchObject } from '../errors';
import { type Args, parseMailStore, parsePublicStore, pathOf } from '../params';
import { method, type MethodSpec } from '../spec';
import type { XmlNode } from '../xml';
import { sameText } from './names';
import { requireOrgDomain } from './organizations';

/**
 * Exchange resources, all in the emulator's state: the organization's mail and public store quotas, mailbox
 * usage (set by tests through MpfEmulator.setMailboxUsage; public folders always use 0 KB) and public folders.
 * Mailbox GUIDs are the users' objectGUID from AD.
 */

const MAIL_SERVER = 'EXCH01';

function checkOrgName(org: OrgRef, orgName: string): void {
  if (!sameText(org.name, orgName))
    throw invalidArgument('orgName', `"${orgName}" does not match orgPath (${org.name})`);
}

async function mailboxes(ctx: Ctx, org: OrgRef) {
  const users = await ctx.dir.search(org.dn, {
    scope: 'one',
    filter: filter.and(filter.eq('objectClass', 'user'), filter.not(filter.eq('objectClass', 'computer'))),
    attributes: ['objectGUID', 'userPrincipalName'],
  });
  return users
    .map((user) => ({
      dn: user.dn,
      guid: user.first('objectGUID') ?? '',
      kilobytes: ctx.state.usage(user.first('userPrincipalName') ?? ''),
    }))
    .sort((x, y) => x.dn.toString().localeCompare(y.dn.toString()));
}

async function usedKilobytes(ctx: Ctx, org: OrgRef): Promise<number> {
  return (await mailboxes(ctx, org)).reduce((sum, mailbox) => sum + mailbox.kilobytes, 0);
}

function readQuery(a: Args) {
  const orgDn = a.path('orgPath');
  const orgName = a.required('orgName', 64);
  a.pdc();
  a.bool('sendCredentials');
  return { orgDn, orgName };
}

async function queryResourcesByOrganization(ctx: Ctx, a: Args): Promise<XmlNode> {
  const { orgDn, orgName } = readQuery(a);
  const org = await orgAt(ctx, orgDn, 'orgPath');
  checkOrgName(org, orgName);
  const megabytes = org.state.mailStore.megabytes;
  const usedMegabytes = Math.ceil((await usedKilobytes(ctx, org)) / 1024);
  return {
    orgResources: {
      mailStore: {
        serverName: MAIL_SERVER,
        megabytes: String(megabytes),
        megabytesFree: String(Math.max(0, megabytes - usedMegabytes)),
      },
      publicStore: { megabytes: String(org.state.publicStore.megabytes) },
    },
  };
}

async function queryConsumersByOrganization(ctx: Ctx, a: Args): Promise<XmlNode> {
  const { orgDn, orgName } = readQuery(a);
  const org = await orgAt(ctx, orgDn, 'orgPath');
  checkOrgName(org, orgName);
  const mailbox = (await mailboxes(ctx, org)).map((box) => ({
    GUID: box.guid,
    kilobytes: String(box.kilobytes),
    path: pathOf(box.dn),
  }));
  return { mailboxes: mailbox.length > 0 ? { mailbox } : '' };
}

/** Refuses a quota below what the organization's mailboxes already use. */
async function reallocateOrganizationMailNoMove(ctx: Ctx, a: Args): Promise<undefined> {
  const orgDn = a.path('orgPath');
  const mailStore = parseMailStore('mailStoreXml', a.required('mailStoreXml', 65536));
  a.pdc();
  a.bool('sendCredentials');
  const org = await orgAt(ctx, orgDn, 'orgPath');
  const used = await usedKilobytes(ctx, org);
  if (mailStore.megabytes * 1024 < used)
    throw invalidArgument(
      'mailStoreXml',
      `${mailStore.megabytes} MB is below the current usage (${used} KB)`,
    );
  org.state.mailStore = {
    megabytes: mailStore.megabytes,
    shared: mailStore.shared ?? org.state.mailStore.shared,
  };
  return undefined;
}

async function reallocateOrganizationPublic(ctx: Ctx, a: Args): Promise<undefined> {
  const orgDn = a.path('orgPath');
  const publicStore = parsePublicStore('publicStoreXml', a.required('publicStoreXml', 65536));
  a.pdc();
  a.bool('sendCredentials');
  const org = await orgAt(ctx, orgDn, 'orgPath');
  org.state.publicStore = publicStore;
  return undefined;
}

async function createPublicFolder(ctx: Ctx, a: Args): Promise<undefined> {
  const orgDn = a.path('orgPath');
  const mailbox = a.required('mailbox', 256);
  a.pdc();
  const domain = a.domain('domain');
  a.bool('sendCredentials');
  const org = await orgAt(ctx, orgDn, 'orgPath');
  requireOrgDomain(org, 'domain', domain);
  if (org.state.publicFolders.some((folder) => sameText(folder.domain, domain)))
    throw alreadyExists(`public folder of ${domain} in organization ${org.name}`);
  org.state.publicFolders.push({ mailbox, domain });
  return undefined;
}

async function deletePublicFolder(ctx: Ctx, a: Args): Promise<undefined> {
  const orgDn = a.path('orgPath');
  const orgName = a.required('orgName', 64);
  a.pdc();
  const domain = a.domain('domain');
  a.bool('sendCredentials');
  const org = await orgAt(ctx, orgDn, 'orgPath');
  checkOrgName(org, orgName);
  const index = org.state.publicFolders.findIndex((folder) => sameText(folder.domain, domain));
  if (index < 0) throw noSuchObject(`public folder of ${domain} in organization ${org.name}`);
  org.state.publicFolders.splice(index, 1);
  return undefined;
}

const ERM = 'ExchangeResourceManager';
const HE = 'HostedExchange';
const QUERY_PARAMS = ['orgPath', 'orgName', 'pdc', 'sendCredentials'];

export const resourceMethods: MethodSpec[] = [
  method(ERM, 'QueryResourcesByOrganization', QUERY_PARAMS, 'document', queryResourcesByOrganization),
  method(ERM, 'QueryConsumersByOrganization', QUERY_PARAMS, 'document', queryConsumersByOrganization),
  method(
    ERM,
    'ReallocateOrganizationMailNoMove',
    ['orgPath', 'mailStoreXml', 'pdc', 'sendCredentials'],
    'document',
    reallocateOrganizationMailNoMove,
  ),
  method(
    ERM,
    'ReallocateOrganizationPublic',
    ['orgPath', 'publicStoreXml', 'pdc', 'sendCredentials'],
    'document',
    reallocateOrganizationPublic,
  ),
  method(
    HE,
    'CreatePublicFolder',
    ['orgPath', 'mailbox', 'pdc', 'domain', 'sendCredentials'],
    'document',
    createPublicFolder,
  ),
  method(
    HE,
    'DeletePublicFolder',
    ['orgPath', 'orgName', 'pdc', 'domain', 'sendCredentials'],
    'document',
    deletePublicFolder,
  ),
];
