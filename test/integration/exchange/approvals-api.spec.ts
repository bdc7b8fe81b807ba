import { DataSource } from 'typeorm';
import { ApprovalRequest } from '../../../src/modules/exchange/approval/approval-request.entity';
import { BACKENDS } from '../../support/backends';
import { bindAs } from '../mpf-end-to-end/e2e-kit';
import { ACCOUNTS, SignupBed, STRONG_PASSWORD } from './signup-kit';

const APPROVALS = '/plugin/v1/admin/approvals';

/** Signup on a plan that requires approval: approve (provisioning with the sealed password), reject, expire. */
describe.each(BACKENDS)('signup approvals (%s)', (backend) => {
  let bed: SignupBed;
  let planId: string;

  beforeAll(async () => {
    // Customers' signups here are about approval and access, not DNS proof (domain-ownership.spec covers it).
    bed = await SignupBed.start(backend, { DOMAIN_VERIFICATION: 'off' });
    planId = await bed.plan({ requiresApproval: true });
  });
  afterAll(() => bed?.stop());

  const account = (id: string) => bed.app.signed('get', `${ACCOUNTS}/${id}`);
  const pendingFor = async (accountId: string) => {
    const list = (await bed.app.signed('get', APPROVALS).expect(200)).body as {
      accountId: string;
      id: string;
    }[];
    const found = list.find((r) => r.accountId === accountId);
    if (!found) throw new Error(`No pending approval for ${accountId}`);
    return found;
  };
  const signupAs = async (org: string, actor: string) => {
    const customer = actor.startsWith('customer:') ? actor.slice('customer:'.length) : undefined;
    const body = bed.signup(planId, org, customer ? { accountId: customer } : {});
    const res = await bed.app.signed('post', ACCOUNTS, body, { actor }).expect(202);
    expect(res.body).toMatchObject({ status: 'pending_approval', operationId: null });
    return { body, id: res.body.id as string };
  };

  it('waits for a manager, then provisions with the password given at signup once approved', async () => {
    const { body, id } = await signupAs('ok', 'support:sam');
    expect(await bed.drain()).toBe(0);
    expect(await bed.exists(bed.orgDn(body.organizationName))).toBe(false);
    const request = await pendingFor(id);
    expect(request).toMatchObject({
      status: 'pending',
      requestedBy: 'support:sam',
      summary: { organizationName: body.organizationName, primaryDomain: body.primaryDomain },
    });
    expect(JSON.stringify(request)).not.toContain(STRONG_PASSWORD);
    const stored = await bed.app.app
      .get(DataSource)
      .manager.findOneByOrFail(ApprovalRequest, { id: request.id });
    expect(stored.sealedSecret).not.toContain(STRONG_PASSWORD);

    const decide = (actor: string) =>
      bed.app.signed('post', `${APPROVALS}/${request.id}/approve`, {}, { actor });
    const bySupport = await decide('support:tom');
    expect(bySupport.status).toBe(403);
    expect(bySupport.body.detail).toMatch(/approval\.decide is for manager or above/);
    const self = await decide('manager:sam');
    expect(self.status).toBe(403);
    expect(self.body.detail).toMatch(/someone other than its requester/);
    const approved = await bed.app
      .signed(
        'post',
        `${APPROVALS}/${request.id}/approve`,
        { reason: 'known customer' },
        { actor: 'admin:mia' },
      )
      .expect(200);
    expect(approved.body).toMatchObject({
      status: 'approved',
      decidedBy: 'admin:mia',
      operationId: expect.any(String),
    });
    expect((await account(id).expect(200)).body).toMatchObject({ status: 'provisioning' });
    await bed.app.signed('post', `${APPROVALS}/${request.id}/reject`, { reason: 'late' }).expect(409);

    expect(await bed.drain()).toBe(1);
    expect((await account(id).expect(200)).body.status).toBe('active');
    expect(await bindAs(`admin@${body.primaryDomain}`, STRONG_PASSWORD)).toBe('ok');
    const after = await bed.app.app
      .get(DataSource)
      .manager.findOneByOrFail(ApprovalRequest, { id: request.id });
    expect(after.sealedSecret).toBeNull();
    const audit = await bed.app.signed(
      'get',
      `/plugin/v1/admin/audit?targetType=approval_request&targetId=${request.id}`,
    );
    expect(audit.body.map((e: { action: string; actor: string }) => [e.action, e.actor])).toEqual([
      ['approval.approved', 'admin:mia'],
    ]);
  });

  it('rejects with a reason: the pending account is gone and its names are free again', async () => {
    const { body, id } = await signupAs('no', `customer:no-${bed.tag}`);
    const request = await pendingFor(id);
    const missing = await bed.app.signed('post', `${APPROVALS}/${request.id}/reject`, {}).expect(400);
    expect(missing.body.errors[0]).toMatchObject({ field: 'reason' });
    const rejected = await bed.app
      .signed(
        'post',
        `${APPROVALS}/${request.id}/reject`,
        { reason: 'fraud check failed' },
        { actor: 'admin:mia' },
      )
      .expect(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', reason: 'fraud check failed' });
    await account(id).expect(404);
    expect(await bed.drain()).toBe(0);
    await bed.app.signed('post', ACCOUNTS, body).expect(202);
  });

  it('expires requests nobody decided in time', async () => {
    const { id } = await signupAs('late', `customer:late-${bed.tag}`);
    const request = await pendingFor(id);
    expect((await bed.app.signed('post', `${APPROVALS}/expire`).expect(200)).body).toEqual({ expired: 0 });
    await bed.app.app
      .get(DataSource)
      .manager.update(ApprovalRequest, { id: request.id }, { expiresAt: new Date(Date.now() - 1000) });
    expect((await bed.app.signed('post', `${APPROVALS}/expire`).expect(200)).body).toEqual({ expired: 1 });
    await account(id).expect(404);
    const expired = (await bed.app.signed('get', `${APPROVALS}?status=expired`).expect(200)).body;
    expect(expired.map((r: { id: string }) => r.id)).toContain(request.id);
    await bed.app.signed('post', `${APPROVALS}/${request.id}/approve`, {}).expect(409);
  });

  it('is for staff only and answers 404 for an unknown request', async () => {
    await bed.app.signed('get', APPROVALS, undefined, { actor: 'customer:x' }).expect(403);
    await bed.app.signed('post', `${APPROVALS}/00000000-0000-4000-8000-000000000000/approve`, {}).expect(404);
  });
});
