import { readFileSync } from 'node:fs';
import { testbed } from '../testbed-env';
import { ACCOUNTS, SignupBed, STRONG_PASSWORD } from '../../integration/exchange/signup-kit';
import type { RouteSpec } from './openapi-routes';

export const ADMIN_ACTOR = 'admin:hostile-corpus';

/**
 * Real objects for every path id of the plugin API, made the way a customer makes them (signup through the
 * worker, then mailboxes, an alias, a secondary domain, a contact, a list with a member, an import, a pending
 * approval), and a valid body per route: a hostile case changes exactly one field of it.
 */
export interface HostileWorld {
  bed: SignupBed;
  accountId: string;
  domain: string;
  /** The real value of each path parameter of `route`. */
  pathValue(route: RouteSpec, param: string): string;
  /** A body the route accepts, that a hostile case changes one field of (`field`: the one made hostile). */
  baseline(route: RouteSpec, field?: string): Record<string, unknown>;
  /** Puts the platform settings back (MPF connection, Exchange hosting on) after a route changed them. */
  restorePlatform(): Promise<void>;
  actor(route: RouteSpec): string;
  /** Finds out whether `route` is open to customers (call once per account route before `actor`). */
  probeCustomer(route: RouteSpec): Promise<void>;
}

export async function buildHostileWorld(bed: SignupBed): Promise<HostileWorld> {
  const { app } = bed;
  const ok = async (method: 'get' | 'post' | 'put', path: string, body?: unknown, status = 202) =>
    (await app.signed(method, path, body).expect(status)).body;

  const planId = await bed.plan({
    publicFolder: true,
    resources: {
      mailStoreMb: { max: 20_000, freeUnits: 20_000 },
      publicStoreMb: { max: 512, freeUnits: 512 },
      smtpDomains: { max: 5, freeUnits: 5 },
      distributionLists: { max: 5, freeUnits: 5 },
      contacts: { max: 5, freeUnits: 5 },
    },
  });
  const otherPlanId = await bed.plan({ name: `Other plan ${bed.tag}` });
  const approvalPlanId = await bed.plan({ name: `Approval plan ${bed.tag}`, requiresApproval: true });
  const acct = await bed.activeAccount(planId, 'hostile');
  const { domain } = acct;
  const base = `${ACCOUNTS}/${acct.id}`;
  const admin = `admin@${domain}`;
  const bob = `bob@${domain}`;
  const secondary = `second-${bed.tag}.test`;

  const bobId = (
    await ok('post', acct.mailboxes, {
      localPart: 'bob',
      displayName: 'Bob Builder',
      password: STRONG_PASSWORD,
      mailingPlan: 'BaseMail',
    })
  ).id as string;
  await bed.drain();
  const alias = `bob.alias@${domain}`;
  await ok('post', `${acct.mailboxes}/${bobId}/aliases`, { address: alias });
  await ok('post', `${base}/domains`, { domain: secondary });
  const contactId = (
    await ok('post', `${base}/contacts`, { name: 'Jane Supplier', address: `jane-${bed.tag}@supplier.test` })
  ).id as string;
  const listId = (
    await ok('post', `${base}/distribution-lists`, { name: 'Sales', localPart: 'sales', managedBy: admin })
  ).id as string;
  await bed.drain();
  await ok('post', `${base}/distribution-lists/${listId}/members`, { address: bob });
  const importId = (
    await ok('post', `${base}/mailbox-imports`, {
      csv: 'localPart,displayName,password\nnot a local part,X,weak',
    })
  ).id as string;
  await bed.drain();

  const pending = await ok('post', ACCOUNTS, bed.signup(approvalPlanId, 'pending'));
  const approvals = (await ok('get', '/plugin/v1/admin/approvals', undefined, 200)) as {
    id: string;
    accountId: string;
  }[];
  const approvalId = approvals.find((a) => a.accountId === pending.id)!.id;
  const operationId = (await ok('get', base, undefined, 200)).operationId as string;
  const mailingPlans = (await ok('get', '/plugin/v1/admin/mailing-plans', undefined, 200)) as {
    id: string;
    name: string;
  }[];
  const mailingPlanId = mailingPlans.find((p) => p.name === 'GoldMail')!.id;

  const ids: Record<string, string> = {
    accountId: acct.id,
    mailboxId: bobId,
    contactId,
    listId,
    importId,
    operationId,
    domain: secondary,
  };
  const pathValue = (route: RouteSpec, param: string): string => {
    if (param === 'address') return route.template.includes('/aliases/') ? alias : bob;
    if (param === 'id') {
      if (route.template.includes('/mailing-plans/')) return mailingPlanId;
      if (route.template.includes('/plans/')) return planId;
      if (route.template.includes('/approvals/')) return approvalId;
      if (route.template.includes('/operations/')) return operationId;
    }
    const value = ids[param];
    if (!value)
      throw new Error(`No real object for {${param}} of ${route.key}: add one to the hostile world`);
    return value;
  };

  const { samba } = testbed();
  const caPem = readFileSync(samba.caFile, 'utf8');
  const { host, pathname } = new URL(bed.emulator.baseUrl);
  const baselines: Record<string, Record<string, unknown>> = {
    'PATCH /plugin/v1/admin/globals': { exchangeHostingEnabled: true },
    'PUT /plugin/v1/admin/mpf-connection': {
      url: `http://HOSTING\\Administrator:${encodeURIComponent(samba.password)}@${host}${pathname.replace(/\/$/, '')}`,
      pdc: samba.dcHostname.toLowerCase(),
      resellerOu: bed.resellerDn,
      directoryUrl: 'ldaps://127.0.0.1:636',
      caCertificatePem: caPem,
    },
    'POST /plugin/v1/admin/mailing-plans': { name: 'HostileMail' },
    'POST /plugin/v1/admin/mailing-plans/import': {
      format: 'hsphere-xml',
      content:
        '<plans><plan type="gold_mail"><planName>ImportedMail</planName><planFeatures><feature><featureName>MailboxSize</featureName><featureValue>1048576</featureValue><unitDescription>kb</unitDescription></feature></planFeatures></plan></plans>',
    },
    'PATCH /plugin/v1/admin/mailing-plans/{id}': { description: 'Gold' },
    'POST /plugin/v1/admin/plans': { name: `Hostile plan ${bed.tag}` },
    'PATCH /plugin/v1/admin/plans/{id}': { description: 'Renamed' },
    'POST /plugin/v1/admin/plans/{id}/clone': { name: `Clone ${bed.tag}` },
    'PUT /plugin/v1/admin/plans/{id}/signup-access': { enabled: false },
    'POST /plugin/v1/admin/plans/{id}/estimates': {
      change: 'add-mailboxes',
      mailingPlan: 'GoldMail',
      quantity: 1,
      periodStart: '2026-01-01',
      asOf: '2026-01-10',
    },
    'POST /plugin/v1/accounts': bed.signup(planId, 'newcomer'),
    'PUT /plugin/v1/accounts/{accountId}/plan': { planId: otherPlanId },
    'POST /plugin/v1/admin/approvals/{id}/approve': { reason: 'known customer' },
    'POST /plugin/v1/admin/approvals/{id}/reject': { reason: 'unknown customer' },
    'POST /plugin/v1/accounts/{accountId}/mailboxes': {
      localPart: 'carol',
      displayName: 'Carol',
      password: STRONG_PASSWORD,
      mailingPlan: 'BaseMail',
    },
    'PATCH /plugin/v1/accounts/{accountId}/mailboxes/{mailboxId}': { displayName: 'Bobby Builder' },
    'PUT /plugin/v1/accounts/{accountId}/mailboxes/{mailboxId}/password': { password: `${STRONG_PASSWORD}2` },
    'PUT /plugin/v1/accounts/{accountId}/mailboxes/{mailboxId}/mailing-plan': { mailingPlan: 'GoldMail' },
    'POST /plugin/v1/accounts/{accountId}/mailboxes/{mailboxId}/aliases': { address: `bob.two@${domain}` },
    'PUT /plugin/v1/accounts/{accountId}/mailboxes/{mailboxId}/forwarding': {
      forwardTo: admin,
      deliverAndForward: true,
    },
    'POST /plugin/v1/accounts/{accountId}/domains': { domain: `third-${bed.tag}.test`, type: 'secondary' },
    'POST /plugin/v1/accounts/{accountId}/contacts': {
      name: 'Joe Vendor',
      address: `joe-${bed.tag}@vendor.test`,
    },
    'POST /plugin/v1/accounts/{accountId}/distribution-lists': {
      name: 'Team',
      localPart: 'team',
      managedBy: admin,
    },
    'POST /plugin/v1/accounts/{accountId}/distribution-lists/{listId}/members': { address: admin },
    'PUT /plugin/v1/accounts/{accountId}/distribution-lists/{listId}/manager': { managedBy: bob },
    'POST /plugin/v1/accounts/{accountId}/public-folder': { localPart: 'public' },
    'POST /plugin/v1/accounts/{accountId}/mailbox-imports': {
      csv: `localPart,displayName,password\ndave,Dave,${STRONG_PASSWORD}`,
    },
  };
  // Fields that only apply with another valid body: the `plans` of a JSON import.
  const changeMailingPlan = {
    change: 'change-mailing-plan',
    from: 'BaseMail',
    to: 'GoldMail',
    periodStart: '2026-01-01',
    asOf: '2026-01-10',
  };
  const fieldBaselines: Record<string, Record<string, unknown>> = {
    'POST /plugin/v1/admin/mailing-plans/import plans': { format: 'json', plans: [{ name: 'JsonMail' }] },
    'POST /plugin/v1/admin/plans/{id}/estimates from': changeMailingPlan,
    'POST /plugin/v1/admin/plans/{id}/estimates to': changeMailingPlan,
  };
  const baseline = (route: RouteSpec, field?: string) => {
    const [top] = (field ?? '').split('.');
    const body = fieldBaselines[`${route.key} ${top}`] ?? baselines[route.key];
    if (!body) throw new Error(`No valid body for ${route.key}: add one to the hostile world`);
    return structuredClone(body);
  };

  const restorePlatform = async () => {
    const connection = baselines['PUT /plugin/v1/admin/mpf-connection'];
    await ok('put', '/plugin/v1/admin/mpf-connection', connection, 200);
    await app.signed('patch', '/plugin/v1/admin/globals', { exchangeHostingEnabled: true }).expect(200);
  };

  const customerRoutes = new Map<string, boolean>();
  const actor = (route: RouteSpec) => {
    if (!route.template.startsWith(`${ACCOUNTS}/{accountId}`)) return ADMIN_ACTOR;
    return customerRoutes.get(route.key) ? `customer:${acct.id}` : ADMIN_ACTOR;
  };
  return {
    bed,
    accountId: acct.id,
    domain,
    pathValue,
    baseline,
    restorePlatform,
    actor,
    // Account routes go as the account's customer where customers may use them: ask the signature guard, with an
    // account that does not exist (so nothing can run), whether it refuses a customer before any input check.
    probeCustomer: async (route: RouteSpec) => {
      if (!route.template.startsWith(`${ACCOUNTS}/{accountId}`)) return;
      const url = route.template.replace(/\{(\w+)\}/g, (_m, name: string) =>
        name === 'accountId' ? 'no-such-account-probe' : 'probe',
      );
      const res = await app.signed(route.method, url, undefined, { actor: `customer:${acct.id}` });
      customerRoutes.set(route.key, !(res.status === 403 && /is for/.test(String(res.body.detail))));
    },
  };
}
