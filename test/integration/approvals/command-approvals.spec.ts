import { DataSource } from 'typeorm';
import { CommandBus } from '../../../src/modules/commands/command-bus';
import { ApprovalRequest } from '../../../src/modules/exchange/approval/approval-request.entity';
import { DecideApprovalUseCase } from '../../../src/modules/exchange/approval/use-cases/decide-approval.use-case';
import { Operation } from '../../../src/modules/exchange/operations/operation.entity';
import { Actor } from '../../../src/modules/shared/actor';
import { BACKENDS } from '../../support/backends';
import { SignupBed, STRONG_PASSWORD } from '../exchange/signup-kit';
import { bindAs } from '../mpf-end-to-end/e2e-kit';

const APPROVALS = '/plugin/v1/admin/approvals';
const SUPPORT = { actor: 'support:sue' };

/**
 * Risky commands wait for a manager when support asks (APPROVAL_RULES, default: support's terminate, suspend,
 * mailbox delete and password reset): nothing happens until approved; approve runs the command as the requester;
 * reject and expiry leave everything as it was; concurrent approvals give one outcome.
 */
describe.each(BACKENDS)('approvals of commands (%s)', (backend) => {
  let bed: SignupBed;
  let acct: Awaited<ReturnType<SignupBed['activeAccount']>>;

  beforeAll(async () => {
    bed = await SignupBed.start(backend);
    const planId = await bed.plan({
      mailboxes: [{ mailingPlan: 'BaseMail', max: 20, freeUnits: 0, setupFee: 0, recurringFee: 1 }],
      resources: { mailStoreMb: { max: 100_000, freeUnits: 100_000 } },
    });
    acct = await bed.activeAccount(planId, 'appr');
  });
  afterAll(() => bed?.stop());

  const mailbox = async (localPart: string) => {
    const res = await bed.app
      .signed('post', acct.mailboxes, { localPart, displayName: localPart, password: STRONG_PASSWORD })
      .expect(202);
    await bed.drain();
    return { id: res.body.id as string, upn: `${localPart}@${acct.domain}` };
  };
  const userExists = (upn: string) => bed.exists(`CN=${upn},${acct.orgDn}`);
  const approval = async (id: string, status: string) =>
    (
      await bed.app
        .signed('get', `${APPROVALS}?status=${status}`, undefined, { actor: 'viewer:vic' })
        .expect(200)
    ).body.find((r: { id: string }) => r.id === id);
  const decide = (id: string, verb: 'approve' | 'reject', actor: string, body: object = {}) =>
    bed.app.signed('post', `${APPROVALS}/${id}/${verb}`, body, { actor });

  it("waits for a manager on support's mailbox delete, then deletes it when approved (as the requester)", async () => {
    const carol = await mailbox('carol');
    const held = await bed.app
      .signed('delete', `${acct.mailboxes}/${carol.id}`, undefined, SUPPORT)
      .expect(202);
    expect(held.body).toMatchObject({
      kind: 'command',
      status: 'pending',
      requestedBy: 'support:sue',
      summary: { command: 'mailbox.delete', input: { accountId: acct.id, mailboxId: carol.id } },
      quorum: 1,
    });
    expect(await bed.drain()).toBe(0);
    expect(await userExists(carol.upn)).toBe(true);
    await bed.app.signed('get', `${acct.mailboxes}/${carol.id}`).expect(200);

    expect((await decide(held.body.id, 'approve', 'support:tom')).status).toBe(403);
    expect((await decide(held.body.id, 'approve', 'manager:sue')).status).toBe(403);
    const approved = await decide(held.body.id, 'approve', 'manager:max', {
      reason: 'asked by the owner',
    }).expect(200);
    expect(approved.body).toMatchObject({
      status: 'approved',
      decidedBy: 'manager:max',
      operationId: expect.any(String),
    });
    expect(await bed.drain()).toBe(1);
    expect(await userExists(carol.upn)).toBe(false);
    expect(await approval(held.body.id, 'approved')).toMatchObject({
      operationId: approved.body.operationId,
    });
    await bed.app.signed('get', `${acct.mailboxes}/${carol.id}`).expect(404);

    const audit = await bed.app
      .signed('get', `/plugin/v1/admin/audit?targetType=mailbox&targetId=${carol.id}`)
      .expect(200);
    expect(audit.body.find((e: { action: string }) => e.action === 'mailbox.delete').actor).toBe(
      'support:sue',
    );
  });

  it('leaves everything as it was when rejected or expired', async () => {
    const dave = await mailbox('dave');
    const rejected = await bed.app
      .signed('delete', `${acct.mailboxes}/${dave.id}`, undefined, SUPPORT)
      .expect(202);
    await decide(rejected.body.id, 'reject', 'manager:max', {}).expect(400);
    await decide(rejected.body.id, 'reject', 'manager:max', { reason: 'not the owner' }).expect(200);
    expect(await approval(rejected.body.id, 'rejected')).toMatchObject({ reason: 'not the owner' });

    const expiring = await bed.app
      .signed('delete', `${acct.mailboxes}/${dave.id}`, undefined, SUPPORT)
      .expect(202);
    await bed.app.app
      .get(DataSource)
      .getRepository(ApprovalRequest)
      .update({ id: expiring.body.id }, { expiresAt: new Date(Date.now() - 1000) });
    expect(await bed.app.app.get(DecideApprovalUseCase).expireDue(new Actor('system', 'test'))).toBe(1);
    expect(await approval(expiring.body.id, 'expired')).toMatchObject({ status: 'expired' });
    await decide(expiring.body.id, 'approve', 'manager:max').expect(409);

    expect(await bed.drain()).toBe(0);
    expect(await userExists(dave.upn)).toBe(true);
    expect((await bed.app.signed('get', `${acct.mailboxes}/${dave.id}`).expect(200)).body.status).toBe(
      'active',
    );
  });

  it('keeps a password reset sealed while it waits, and sets exactly that password once approved', async () => {
    const erin = await mailbox('erin');
    const secret = 'Held-Back-Pass9!';
    const held = await bed.app
      .signed('put', `${acct.mailboxes}/${erin.id}/password`, { password: secret }, SUPPORT)
      .expect(202);
    expect(JSON.stringify(held.body)).not.toContain(secret);
    const row = await bed.app.app
      .get(DataSource)
      .getRepository(ApprovalRequest)
      .findOneByOrFail({ id: held.body.id });
    expect(JSON.stringify(row)).not.toContain(secret);
    await decide(held.body.id, 'approve', 'admin:ada').expect(200);
    expect(await bed.drain()).toBe(1);
    expect(await bindAs(erin.upn, secret)).toBe('ok');
    const after = await bed.app.app
      .get(DataSource)
      .getRepository(ApprovalRequest)
      .findOneByOrFail({ id: held.body.id });
    expect(after.sealedSecret).toBeNull();
    const dataSource = bed.app.app.get(DataSource);
    const stored = JSON.stringify([
      await dataSource.query('SELECT * FROM audit_log'),
      await dataSource.query('SELECT * FROM outbox_events'),
      (await bed.app.signed('get', `${APPROVALS}?status=approved`).expect(200)).body,
    ]);
    expect(stored).not.toContain(secret);
    // It ran once: running the approved request again is refused.
    await expect(bed.app.app.get(CommandBus).runApproved(held.body.id, null)).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('gives one outcome when 20 managers approve at once: one approval, one operation', async () => {
    const frank = await mailbox('frank');
    const held = await bed.app
      .signed('delete', `${acct.mailboxes}/${frank.id}`, undefined, SUPPORT)
      .expect(202);
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => decide(held.body.id, 'approve', `manager:m${i}`)),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    const operations = await bed.app.app
      .get(DataSource)
      .getRepository(Operation)
      .findBy({ kind: 'mailbox.delete', targetId: frank.id });
    expect(operations).toHaveLength(1);
    expect(await bed.drain()).toBe(1);
    expect(await userExists(frank.upn)).toBe(false);
  });

  it("lets staff whose role is not held run the same command at once (an admin's delete does not wait)", async () => {
    const gus = await mailbox('gus');
    const res = await bed.app.signed('delete', `${acct.mailboxes}/${gus.id}`, undefined, {
      actor: 'admin:ada',
    });
    expect(res.status).toBe(202);
    expect(res.body.kind).toBeUndefined();
    expect(await bed.drain()).toBe(1);
    expect(await userExists(gus.upn)).toBe(false);
  });
});

describe('a quorum of two approvers (APPROVAL_QUORUM=2)', () => {
  let bed: SignupBed;
  let acct: Awaited<ReturnType<SignupBed['activeAccount']>>;

  beforeAll(async () => {
    bed = await SignupBed.start('sqlite', { APPROVAL_QUORUM: '2' });
    acct = await bed.activeAccount(await bed.plan(), 'quorum');
  });
  afterAll(() => bed?.stop());

  it('runs the command only once two different people approved it; the same person twice does not count', async () => {
    const terminate = await bed.app
      .signed('post', `/plugin/v1/accounts/${acct.id}/terminate`, undefined, { actor: 'support:sue' })
      .expect(202);
    expect(terminate.body).toMatchObject({ kind: 'command', status: 'pending', quorum: 2 });
    const approve = (actor: string) =>
      bed.app.signed('post', `${APPROVALS}/${terminate.body.id}/approve`, {}, { actor });

    const first = await approve('manager:max').expect(200);
    expect(first.body).toMatchObject({ status: 'pending', approvedBy: ['manager:max'], operationId: null });
    expect(await bed.drain()).toBe(0);
    expect((await approve('admin:max')).status).toBe(409);
    expect((await bed.app.signed('get', `/plugin/v1/accounts/${acct.id}`).expect(200)).body.status).toBe(
      'active',
    );

    const second = await approve('admin:ada').expect(200);
    expect(second.body).toMatchObject({ status: 'approved', approvedBy: ['manager:max', 'admin:ada'] });
    expect(await bed.drain()).toBe(1);
    await bed.app.signed('get', `/plugin/v1/accounts/${acct.id}`).expect(404);
    expect(await bed.exists(acct.orgDn)).toBe(false);
  });
});
