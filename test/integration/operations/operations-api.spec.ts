import { Actor } from '../../../src/modules/shared/actor';
import { TestApp, testEnv } from '../../support/app';
import { BACKENDS, freshDatabaseUrl } from '../../support/backends';
import { FakeExternalSystem } from './fake-external-system';
import { OperationsHarness, TestClock } from './operations-harness';

const OPERATIONS = '/plugin/v1/admin/operations';

describe.each(BACKENDS)('provisioning operations over the signed plugin API (%s)', (backend) => {
  let app: TestApp;
  let ops: OperationsHarness;
  let done: string;
  let undone: string;
  let pending: string;

  beforeAll(async () => {
    app = await TestApp.start(testEnv({ DATABASE_URL: await freshDatabaseUrl(backend) }));
    await OperationsHarness.quietApp(app.app);
    ops = new OperationsHarness(app.app, new TestClock());
    ops.registry.register(new FakeExternalSystem().definition());
    const enqueue = (user: string, input: Record<string, unknown> = {}) =>
      ops.service.enqueue(
        'test.mailbox',
        { user, password: 'Top-Secret-1', ...input },
        {
          actor: new Actor('admin', 'alice'),
          accountId: 'acc-1',
          target: { type: 'mailbox', id: user },
          secretFields: ['password'],
        },
      );
    done = await enqueue('ann');
    undone = await enqueue('bob', { failAt: 'set-proxy' });
    await ops.worker().drain();
    pending = await enqueue('cid');
  });
  afterAll(() => app.close());

  it('shows where an operation stands, to admins and support staff, never its input', async () => {
    const res = await app.signed('get', `${OPERATIONS}/${done}`).expect(200);
    expect(res.body).toMatchObject({
      id: done,
      kind: 'test.mailbox',
      status: 'succeeded',
      accountId: 'acc-1',
      target: { type: 'mailbox', id: 'ann' },
      progress: { done: 0, total: null },
      steps: [
        { name: 'create-user', status: 'done', attempts: 1, error: null },
        { name: 'set-proxy', status: 'done', attempts: 1, error: null },
        { name: 'add-to-group', status: 'done', attempts: 1, error: null },
      ],
      lastError: null,
      nextAttemptAt: null,
      actor: 'admin:alice',
    });
    expect(res.body.finishedAt).toEqual(expect.any(String));
    expect(res.body).not.toHaveProperty('input');
    expect(JSON.stringify(res.body)).not.toMatch(/Top-Secret|v1\./);
    await app.signed('get', `${OPERATIONS}/${done}`, undefined, { actor: 'support:sam' }).expect(200);
  });

  it('shows a compensated operation with its failed step and last error', async () => {
    const res = await app.signed('get', `${OPERATIONS}/${undone}`).expect(200);
    expect(res.body.status).toBe('compensated');
    expect(res.body.lastError).toContain('MPF_REJECTED');
    expect(res.body.steps.map((s: { status: string }) => s.status)).toEqual([
      'compensated',
      'failed',
      'pending',
    ]);
  });

  it('lists operations newest first, filtered by status and kind, limited', async () => {
    const all = await app.signed('get', OPERATIONS).expect(200);
    expect(all.body.map((o: { id: string }) => o.id)).toEqual([pending, undone, done].filter((id) => id));
    expect(all.body.every((o: object) => !('input' in o))).toBe(true);
    const compensated = await app.signed('get', `${OPERATIONS}?status=compensated`).expect(200);
    expect(compensated.body.map((o: { id: string }) => o.id)).toEqual([undone]);
    const limited = await app.signed('get', `${OPERATIONS}?kind=test.mailbox&limit=1`).expect(200);
    expect(limited.body).toHaveLength(1);
    expect((await app.signed('get', `${OPERATIONS}?kind=other`).expect(200)).body).toEqual([]);
  });

  it('refuses bad queries, unknown ids, customers and unsigned requests', async () => {
    const bad = await app.signed('get', `${OPERATIONS}?status=done&limit=0`).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['limit', 'status']);
    const missing = await app.signed('get', `${OPERATIONS}/00000000-0000-4000-8000-000000000000`).expect(404);
    expect(missing.body.code).toBe('NOT_FOUND');
    await app.signed('get', `${OPERATIONS}/not-a-uuid`).expect(404);
    await app.signed('get', `${OPERATIONS}/${done}`, undefined, { actor: 'customer:acc-1' }).expect(403);
    await app.http.get(`${OPERATIONS}/${done}`).expect(401);
  });
});
