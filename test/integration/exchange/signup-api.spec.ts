import { buildDn } from '../../../src/modules/directory/ldap-dn';
import { Operation } from '../../../src/modules/exchange/operations/operation.entity';
import { OperationStep } from '../../../src/modules/exchange/operations/operation-step.entity';
import { bindAs, canonical } from '../mpf-end-to-end/e2e-kit';
import { BACKENDS } from '../../support/backends';
import { ACCOUNTS, SignupBed, STRONG_PASSWORD } from './signup-kit';

/** Signup without approval over the signed API → `organization.provision` → MPF emulator → Samba AD. */
describe.each(BACKENDS)('signup provisions an Exchange organization (%s)', (backend) => {
  let bed: SignupBed;
  let planId: string;

  beforeAll(async () => {
    // Customers' signups here are about approval and access, not DNS proof (domain-ownership.spec covers it).
    bed = await SignupBed.start(backend, { DOMAIN_VERIFICATION: 'off' });
    planId = await bed.plan();
  });
  afterAll(() => bed?.stop());

  const drain = () => bed.ops.worker().drain();
  const account = async (id: string) => (await bed.app.signed('get', `${ACCOUNTS}/${id}`).expect(200)).body;

  it('provisions the organization, its groups and the admin mailbox, then reads the account as active', async () => {
    const body = bed.signup(planId, 'acme');
    const res = await bed.app.signed('post', ACCOUNTS, body).expect(202);
    expect(res.body).toMatchObject({
      id: body.accountId,
      planId,
      organizationName: body.organizationName,
      primaryDomain: body.primaryDomain,
      adminUpn: `admin@${body.primaryDomain}`,
      mailingPlan: 'GoldMail',
      status: 'provisioning',
      operationId: expect.any(String),
    });
    expect(JSON.stringify(res.body)).not.toContain(STRONG_PASSWORD);
    expect(await drain()).toBe(1);
    expect((await account(res.body.id)).status).toBe('active');

    const org = body.organizationName;
    const orgDn = bed.orgDn(org);
    const admins = buildDn([['CN', `Admins@${org}`]], orgDn);
    const allUsers = buildDn(
      [
        ['CN', `AllUsers@${org}`],
        ['CN', '_Private'],
      ],
      orgDn,
    );
    expect(await bed.exists(admins)).toBe(true);
    expect(await bed.exists(allUsers)).toBe(true);
    const upn = `admin@${body.primaryDomain}`;
    const user = await bed.directory.findByDn(buildDn([['CN', upn]], orgDn), [
      'userAccountControl',
      'mail',
      'proxyAddresses',
      'memberOf',
      'sAMAccountName',
    ]);
    expect(user?.attributes.useraccountcontrol).toEqual(['512']);
    expect(user?.attributes.mail).toEqual([upn]);
    expect(user?.attributes.proxyaddresses).toEqual([`SMTP:${upn}`]);
    expect(user?.attributes.memberof.map(canonical).sort()).toEqual([admins, allUsers].map(canonical).sort());
    expect(user?.attributes.samaccountname).toEqual([`admin_${body.primaryDomain}`.slice(0, 20)]);
    const state = bed.emulator.state();
    expect(state.orgs[org]).toMatchObject({
      mailStoreMB: 2048,
      publicStoreMB: 512,
      availablePlans: ['GoldMail', 'BaseMail'],
      addressLists: [`${org} GAL`, `${org} AL`, `${org} OAL`],
    });
    expect(state.users[upn].mailboxPlan).toBe('GoldMail');
    expect(await bindAs(upn, STRONG_PASSWORD)).toBe('ok');

    const audit = await bed.app.signed(
      'get',
      `/plugin/v1/admin/audit?targetType=account&targetId=${body.accountId}`,
    );
    const signup = audit.body.find((e: { action: string }) => e.action === 'account.signup');
    expect(signup).toMatchObject({ actor: 'admin:alice', before: null, operationId: res.body.operationId });
    expect(signup.after).toMatchObject({ organizationName: org, status: 'provisioning' });
    expect(JSON.stringify(audit.body)).not.toContain(STRONG_PASSWORD);
  });

  it('refuses a weak password naming admin.password, writing nothing anywhere', async () => {
    const body = bed.signup(planId, 'weak');
    body.admin.password = 'password';
    const res = await bed.app.signed('post', ACCOUNTS, body).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('admin.password');
    await bed.app.signed('get', `${ACCOUNTS}/${body.accountId}`).expect(404);
    const ops = await bed.app.signed('get', '/plugin/v1/admin/operations').expect(200);
    expect(ops.body.filter((o: { accountId: string }) => o.accountId === body.accountId)).toEqual([]);
    expect(await bed.exists(bed.orgDn(body.organizationName))).toBe(false);
  });

  it('refuses an organization name sharing its first 9 characters with another one (409)', async () => {
    const first = bed.signup(planId, 'clash');
    const taken = `${first.organizationName.slice(0, 9).toUpperCase()}zz`;
    await bed.app.signed('post', ACCOUNTS, first).expect(202);
    const res = await bed.app
      .signed('post', ACCOUNTS, { ...bed.signup(planId, 'other'), organizationName: taken })
      .expect(409);
    expect(res.body.errors[0].field).toBe('organizationName');
    await drain();
  });

  it('refuses with 409 while the platform is off, and for a plan without signup access', async () => {
    await bed.app.signed('patch', '/plugin/v1/admin/globals', { exchangeHostingEnabled: false }).expect(200);
    const off = await bed.app.signed('post', ACCOUNTS, bed.signup(planId, 'off')).expect(409);
    expect(off.body.code).toBe('PLATFORM_DISABLED');
    await bed.app.signed('patch', '/plugin/v1/admin/globals', { exchangeHostingEnabled: true }).expect(200);
    const closed = await bed.plan({ signupEnabled: false });
    const res = await bed.app.signed('post', ACCOUNTS, bed.signup(closed, 'closed')).expect(409);
    expect(res.body.errors[0].field).toBe('planId');
  });

  it('creates a pending_approval account without provisioning when the plan requires approval', async () => {
    const approval = await bed.plan({ requiresApproval: true });
    const body = bed.signup(approval, 'appr');
    const res = await bed.app.signed('post', ACCOUNTS, body).expect(202);
    expect(res.body).toMatchObject({ status: 'pending_approval', operationId: null });
    expect(await drain()).toBe(0);
    expect((await account(res.body.id)).status).toBe('pending_approval');
  });

  it('lets a customer sign up and see its own account, and answers 404 for any other', async () => {
    const me = `cust-${bed.tag}`;
    const res = await bed.app
      .signed('post', ACCOUNTS, bed.signup(planId, 'cust', { accountId: undefined }), {
        actor: `customer:${me}`,
      })
      .expect(202);
    expect(res.body.id).toBe(me);
    await bed.app.signed('get', `${ACCOUNTS}/${me}`, undefined, { actor: `customer:${me}` }).expect(200);
    await bed.app
      .signed('get', `${ACCOUNTS}/acc-acme-${bed.tag}`, undefined, { actor: `customer:${me}` })
      .expect(404);
    await bed.app.signed('get', `${ACCOUNTS}/nobody`, undefined, { actor: `customer:${me}` }).expect(404);
    await drain();
  });

  it('compensates when MPF refuses CreateBusinessUser: the OU is gone and the account failed', async () => {
    bed.emulator.inject({ method: 'CreateBusinessUser', kind: 'errorContext', times: 1 });
    const body = bed.signup(planId, 'fail');
    const res = await bed.app.signed('post', ACCOUNTS, body).expect(202);
    await drain();
    const op = await bed.app.signed('get', `/plugin/v1/admin/operations/${res.body.operationId}`).expect(200);
    expect(op.body.status).toBe('compensated');
    expect((await account(res.body.id)).status).toBe('failed');
    expect(await bed.exists(bed.orgDn(body.organizationName))).toBe(false);
  });

  it('retries a transient HTTP 500 on CreateBusinessOrganization and ends active', async () => {
    bed.emulator.inject({ method: 'CreateBusinessOrganization', kind: 'http500', times: 1 });
    const res = await bed.app.signed('post', ACCOUNTS, bed.signup(planId, 'retry')).expect(202);
    expect(await drain()).toBe(1);
    expect((await account(res.body.id)).status).toBe('provisioning');
    bed.clock.advance(10 * 60_000);
    expect(await drain()).toBe(1);
    expect((await account(res.body.id)).status).toBe('active');
  });

  it('re-runs every step after a crash that lost their completions without creating anything twice', async () => {
    const body = bed.signup(planId, 'crash');
    const res = await bed.app.signed('post', ACCOUNTS, body).expect(202);
    await drain();
    const id = res.body.operationId as string;
    // As if the worker died after each effect but before persisting it (secrets already wiped).
    const db = bed.ops.dataSource.manager;
    await db.update(Operation, { id }, { status: 'pending', currentStep: 0, attempts: 0, finishedAt: null });
    await db.update(OperationStep, { operationId: id }, { status: 'pending', output: () => 'NULL' });
    const before = bed.emulator.journal.length;
    expect(await drain()).toBe(1);
    expect((await account(res.body.id)).status).toBe('active');
    const calls = bed.emulator.journal.slice(before).map((call) => `${call.method}:${call.outcome}`);
    expect(calls).toEqual(['CreateOrganizationAddressLists:mpf-error']);
  });
});
