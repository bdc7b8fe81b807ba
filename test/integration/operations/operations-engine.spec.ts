import { IsNull, Not } from 'typeorm';
import { AuditEntry } from '../../../src/modules/audit/audit-entry.entity';
import { Operation } from '../../../src/modules/exchange/operations/operation.entity';
import { OperationStep } from '../../../src/modules/exchange/operations/operation-step.entity';
import type { OperationsWorker } from '../../../src/modules/exchange/operations/operations.worker';
import { Actor } from '../../../src/modules/shared/actor';
import { TestApp, testEnv } from '../../support/app';
import { BACKENDS, freshDatabaseUrl } from '../../support/backends';
import { FakeExternalSystem, type MailboxInput } from './fake-external-system';
import { OperationsHarness, TestClock } from './operations-harness';

const actor = new Actor('admin', 'alice');
const MINUTE = 60_000;

describe.each(BACKENDS)('the provisioning engine (%s)', (backend) => {
  let app: TestApp;
  let ops: OperationsHarness;
  let ext: FakeExternalSystem;
  let clock: TestClock;
  let users = 0;

  beforeAll(async () => {
    app = await TestApp.start(testEnv({ DATABASE_URL: await freshDatabaseUrl(backend) }));
    await OperationsHarness.quietApp(app.app);
    clock = new TestClock();
    ops = new OperationsHarness(app.app, clock);
    ext = new FakeExternalSystem();
    ops.registry.register(ext.definition());
  });
  afterAll(async () => {
    ext.wakeHungSteps();
    await app.close();
  });

  const enqueue = (input: Omit<MailboxInput, 'user'> = {}, secretFields?: string[]) => {
    const user = `u${++users}`;
    const target = { type: 'mailbox', id: user };
    const enqueued = ops.service.enqueue('test.mailbox', { user, ...input }, { actor, target, secretFields });
    return enqueued.then((id) => ({ id, user }));
  };
  const load = (id: string) => ops.dataSource.manager.findOneByOrFail(Operation, { id });
  const stepsOf = async (id: string) =>
    (
      await ops.dataSource.manager.find(OperationStep, { where: { operationId: id }, order: { seq: 'ASC' } })
    ).map((s) => ({ name: s.name, status: s.status, attempts: s.attempts }));
  const auditOf = (id: string) =>
    ops.dataSource.manager
      .find(AuditEntry, { where: { operationId: id } })
      .then((rows) => rows.map((r) => r.action));

  it('persists the operation as pending, with its steps, before any external call', async () => {
    const { id, user } = await enqueue();
    expect(await load(id)).toMatchObject({
      status: 'pending',
      currentStep: 0,
      attempts: 0,
      actor: 'admin:alice',
    });
    expect(await stepsOf(id)).toEqual([
      { name: 'create-user', status: 'pending', attempts: 0 },
      { name: 'set-proxy', status: 'pending', attempts: 0 },
      { name: 'add-to-group', status: 'pending', attempts: 0 },
    ]);
    expect(ext.callsOf(user)).toEqual([]);
    await ops.worker().drain();
  });

  it("enqueues inside the caller's transaction: rolled back with it", async () => {
    let enqueued = '';
    await expect(
      ops.dataSource.transaction(async (manager) => {
        enqueued = await ops.service.enqueue(
          'test.mailbox',
          { user: 'rolled-back' },
          { actor, target: { type: 'mailbox', id: 'rolled-back' } },
          manager,
        );
        throw new Error('the caller fails later');
      }),
    ).rejects.toThrow('the caller fails later');
    expect(await ops.dataSource.manager.findOneBy(Operation, { id: enqueued })).toBeNull();
  });

  it('runs every step in order, persisting each, and marks the operation succeeded (audited)', async () => {
    const { id, user } = await enqueue();
    expect(await ops.worker().runOnce()).toBe(true);
    expect(ext.callsOf(user)).toEqual(['run create-user', 'run set-proxy', 'run add-to-group']);
    expect(ext.objects.get(`add-to-group:${user}`)).toBe(`AllUsers <- create-user:${user}`);
    const operation = await load(id);
    expect(operation).toMatchObject({ status: 'succeeded', currentStep: 3, lockedBy: null, lastError: null });
    expect(operation.finishedAt).toBeInstanceOf(Date);
    expect((await stepsOf(id)).map((s) => s.status)).toEqual(['done', 'done', 'done']);
    expect(await auditOf(id)).toEqual(['operation.succeeded']);
    expect(await ops.worker().runOnce()).toBe(false);
  });

  it('seals secret fields at rest, opens them for steps, and wipes them when the operation ends', async () => {
    const { id, user } = await enqueue({ password: 'S3cret!pass' }, ['password']);
    const stored = (await load(id)).input;
    expect(stored.password).toEqual(expect.stringMatching(/^v1\./));
    expect(JSON.stringify(stored)).not.toContain('S3cret!pass');
    await ops.worker().drain();
    expect(ext.objects.get(`create-user:${user}`)).toBe('S3cret!pass');
    expect((await load(id)).input).toEqual({ user });
  });

  it('retries a transient failure with exponential backoff on the clock, then succeeds (attempts 3)', async () => {
    const { id, user } = await enqueue({ transientFailures: { 'set-proxy': 2 } });
    const worker = ops.worker();
    expect(await worker.runOnce()).toBe(true);
    expect(await load(id)).toMatchObject({ status: 'running', currentStep: 1, lockedBy: null });
    expect((await load(id)).lastError).toContain('MPF_UNAVAILABLE');
    expect(await worker.runOnce()).toBe(false);
    clock.advance(MINUTE - 1000);
    expect(await worker.runOnce()).toBe(false);
    clock.advance(2000);
    expect(await worker.runOnce()).toBe(true); // second failure: now waits 2 minutes
    clock.advance(2 * MINUTE - 1000);
    expect(await worker.runOnce()).toBe(false);
    clock.advance(2000);
    expect(await worker.runOnce()).toBe(true);
    expect((await load(id)).status).toBe('succeeded');
    expect(await stepsOf(id)).toEqual([
      { name: 'create-user', status: 'done', attempts: 1 },
      { name: 'set-proxy', status: 'done', attempts: 3 },
      { name: 'add-to-group', status: 'done', attempts: 1 },
    ]);
    expect(ext.effectsOf(user)).toEqual(['create create-user', 'create set-proxy', 'create add-to-group']);
  });

  it('compensates the failed step and the done ones in reverse after a permanent failure on step 3, leaving nothing behind', async () => {
    const { id, user } = await enqueue({ failAt: 'add-to-group' });
    expect(await ops.worker().runOnce()).toBe(true);
    expect(ext.callsOf(user)).toEqual([
      'run create-user',
      'run set-proxy',
      'run add-to-group',
      'undo add-to-group',
      'undo set-proxy',
      'undo create-user',
    ]);
    expect(ext.keysOf(user)).toEqual([]);
    const operation = await load(id);
    expect(operation.status).toBe('compensated');
    expect(operation.lastError).toContain('MPF_REJECTED');
    expect((await stepsOf(id)).map((s) => s.status)).toEqual(['compensated', 'compensated', 'failed']);
    expect(await auditOf(id)).toEqual(['operation.compensated']);
  });

  it('finishes as failed, for attention, when the database cannot follow the outcome', async () => {
    ops.registry.register({
      kind: 'test.unrecordable',
      steps: [{ name: 'only', run: () => Promise.resolve() }],
      onFinished: () => Promise.reject(new Error('no room for the outcome')),
    });
    const id = await ops.service.enqueue('test.unrecordable', {}, { actor, target: { type: 't', id: 'x' } });
    expect(await ops.worker().runOnce()).toBe(true);
    const operation = await load(id);
    expect(operation).toMatchObject({ status: 'failed', lockedBy: null });
    expect(operation.lastError).toBe(
      'Recording the outcome (succeeded) failed: Error: no room for the outcome',
    );
    expect(await auditOf(id)).toEqual(['operation.failed']);
    expect(await ops.worker().runOnce()).toBe(false);
  });

  it('treats a transient failure as permanent after the maximum attempts', async () => {
    const { id, user } = await enqueue({ transientFailures: { 'set-proxy': 10 } });
    const worker = ops.worker();
    for (let i = 0; i < 3; i++) {
      await worker.runOnce();
      clock.advance(10 * MINUTE);
    }
    expect((await load(id)).status).toBe('compensated');
    expect(await stepsOf(id)).toEqual([
      { name: 'create-user', status: 'compensated', attempts: 1 },
      { name: 'set-proxy', status: 'failed', attempts: 3 },
      { name: 'add-to-group', status: 'pending', attempts: 0 },
    ]);
    expect(ext.keysOf(user)).toEqual([]);
  });

  it('retries a failing compensation with backoff, then marks the operation failed for attention', async () => {
    const { id, user } = await enqueue({ failAt: 'add-to-group', compensationFailsAt: 'create-user' });
    const worker = ops.worker();
    expect(await worker.runOnce()).toBe(true);
    expect(await load(id)).toMatchObject({ status: 'compensating', currentStep: 0 });
    for (let i = 0; i < 2; i++) {
      clock.advance(10 * MINUTE);
      expect(await worker.runOnce()).toBe(true);
    }
    const operation = await load(id);
    expect(operation.status).toBe('failed');
    expect(operation.lastError).toContain(
      'Compensating step create-user failed: Error: cannot undo create-user',
    );
    expect(ext.callsOf(user).filter((c) => c === 'undo create-user')).toHaveLength(3);
    expect(ext.keysOf(user)).toEqual([`create-user:${user}`]);
    expect(await auditOf(id)).toEqual(['operation.failed']);
  });

  it('lets another worker reclaim a crashed worker’s operation after its lease; the step does not repeat its effect', async () => {
    const { id, user } = await enqueue({ hangAfter: 'set-proxy' });
    const crashed = ops.worker();
    const crashedRun = crashed.runOnce();
    while (!ext.effectsOf(user).includes('create set-proxy')) await new Promise((r) => setTimeout(r, 5));
    expect((await load(id)).lockedBy).toBe(crashed.id);

    const rescuer = ops.worker();
    expect(await rescuer.runOnce()).toBe(false); // the lease still holds
    clock.advance(MINUTE + 1000);
    expect(await rescuer.runOnce()).toBe(true);
    expect((await load(id)).status).toBe('succeeded');
    expect(ext.callsOf(user)).toEqual([
      'run create-user',
      'run set-proxy',
      'run set-proxy',
      'run add-to-group',
    ]);
    expect(ext.effectsOf(user)).toEqual(['create create-user', 'create set-proxy', 'create add-to-group']);

    ext.wakeHungSteps(); // the "dead" worker comes back: its writes are fenced off
    await expect(crashedRun).resolves.toBe(true);
    expect(await load(id)).toMatchObject({ status: 'succeeded', lockedBy: null });
    expect((await stepsOf(id))[1]).toEqual({ name: 'set-proxy', status: 'done', attempts: 2 });
  });

  it('polls for due work once started, and stops cleanly', async () => {
    const worker = ops.worker({ pollIntervalMs: 10 });
    worker.start();
    try {
      const { id } = await enqueue();
      for (const deadline = Date.now() + 10_000; Date.now() < deadline;) {
        if ((await load(id)).status === 'succeeded') break;
        await new Promise((r) => setTimeout(r, 10));
      }
      expect((await load(id)).status).toBe('succeeded');
    } finally {
      await worker.stop();
    }
    expect(worker.started).toBe(false);
  });

  it('reports progress and keeps outputs saved mid-step for the next steps', async () => {
    ops.registry.register({
      kind: 'test.bulk',
      steps: [
        {
          name: 'import',
          run: async (ctx) => {
            for (let i = 1; i <= 3; i++) {
              await ctx.progress(i, 3);
              await ctx.saveOutput({ imported: i });
            }
          },
        },
        { name: 'report', run: (ctx) => Promise.resolve(ctx.output<{ imported: number }>('import')) },
      ],
    });
    const id = await ops.service.enqueue('test.bulk', {}, { actor, target: { type: 'import', id: 'i1' } });
    await ops.worker().drain();
    expect(await load(id)).toMatchObject({ status: 'succeeded', progressDone: 3, progressTotal: 3 });
    const steps = await ops.dataSource.manager.find(OperationStep, {
      where: { operationId: id },
      order: { seq: 'ASC' },
    });
    expect(steps.map((s) => s.output)).toEqual([{ imported: 3 }, { imported: 3 }]);
  });

  it('never runs one operation on two concurrent workers (20 operations, 2 workers)', async () => {
    const counters = new Map<string, number>();
    const second = backend === 'mariadb' ? await TestApp.start(testEnv({ DATABASE_URL: dbUrl(ops) })) : app;
    try {
      if (second !== app) await OperationsHarness.quietApp(second.app);
      const other = second === app ? ops : new OperationsHarness(second.app, clock);
      const count = {
        kind: 'test.count',
        steps: ['one', 'two'].map((name) => ({
          name,
          run: async (ctx: { operationId: string }) => {
            const key = `${ctx.operationId}:${name}`;
            counters.set(key, (counters.get(key) ?? 0) + 1);
            await new Promise((r) => setTimeout(r, 2));
          },
        })),
      };
      ops.registry.register(count);
      if (other !== ops) other.registry.register(count);
      const ids: string[] = [];
      for (let i = 0; i < 20; i++) {
        ids.push(
          await ops.service.enqueue('test.count', {}, { actor, target: { type: 'count', id: `${i}` } }),
        );
      }
      const finished = async () =>
        (await ops.dataSource.manager.countBy(Operation, {
          kind: 'test.count',
          finishedAt: Not(IsNull()),
        })) === 20;
      const work = async (worker: OperationsWorker) => {
        let processed = 0;
        for (const deadline = Date.now() + 30_000; Date.now() < deadline && !(await finished());) {
          if (await worker.runOnce()) processed += 1;
          else await new Promise((r) => setTimeout(r, 3));
        }
        return processed;
      };
      const processed = await Promise.all([work(ops.worker()), work(other.worker())]);
      expect(processed[0] + processed[1]).toBe(20);
      expect(processed.every((n) => n > 0)).toBe(true);
      expect(counters.size).toBe(40);
      expect([...counters.values()].every((n) => n === 1)).toBe(true);
      const statuses = await ops.dataSource.manager.find(Operation, { where: { kind: 'test.count' } });
      expect(statuses.map((o) => o.status)).toEqual(Array(20).fill('succeeded'));
    } finally {
      if (second !== app) await second.close();
    }
  });
});

function dbUrl(harness: OperationsHarness): string {
  const options = harness.dataSource.options as { url?: string };
  if (!options.url) throw new Error('no database url');
  return options.url;
}
