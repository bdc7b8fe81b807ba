import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEST_SECRET_KEY } from '../support/app';
import { MAIN, freePort, startService, waitForHealth, type ServiceProcess } from '../support/service-process';
import { SignupBed, STRONG_PASSWORD } from '../integration/exchange/signup-kit';

const LINES = 200;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A 200-mailbox CSV import provisioned by a real worker process (dist/main.js) on MariaDB, killed with SIGKILL
 * mid-way and started again: every mailbox ends up exactly once in AD and in the database.
 */
describe('bulk import through a killed worker process', () => {
  let bed: SignupBed;
  let worker: ServiceProcess | undefined;

  beforeAll(async () => {
    if (!existsSync(MAIN)) throw new Error('dist/main.js is missing: npm test builds first (pretest)');
    bed = await SignupBed.start('mariadb');
  });
  afterAll(async () => {
    worker?.child.kill('SIGKILL');
    await bed?.stop();
  });

  const startWorker = async () => {
    const port = await freePort();
    const service = startService(mkdtempSync(join(tmpdir(), 'exh-worker-')), {
      DATABASE_URL: bed.databaseUrl,
      SECRET_KEY: TEST_SECRET_KEY,
      PORT: String(port),
      OPERATIONS_LEASE_SECONDS: '5',
      LOG_LEVEL: 'warn',
    });
    await waitForHealth(`http://127.0.0.1:${port}`, service.exited);
    return service;
  };

  it('resumes after SIGKILL: 200 mailboxes, each once in AD and in the database', async () => {
    const planId = await bed.plan({
      mailboxes: [
        { mailingPlan: 'GoldMail', max: 1, freeUnits: 0, setupFee: 0, recurringFee: 0 },
        { mailingPlan: 'BaseMail', max: 250, freeUnits: 0, setupFee: 0, recurringFee: 0 },
      ],
      resources: { mailStoreMb: { max: 100_000, freeUnits: 100_000 } },
    });
    const acct = await bed.activeAccount(planId, 'bulk');
    const csv = [
      'localPart,displayName,givenName,sn,password,mailingPlan',
      ...Array.from(
        { length: LINES },
        (_, i) => `user${i},User ${i},User,No ${i},${STRONG_PASSWORD},BaseMail`,
      ),
      `bad..name,Broken,,,${STRONG_PASSWORD},BaseMail`,
      'weakling,Weak,,,x,BaseMail',
      `user7,Twice,,,${STRONG_PASSWORD},BaseMail`,
    ].join('\n');
    const started = await bed.app
      .signed('post', `${acct.mailboxes.replace('/mailboxes', '/mailbox-imports')}`, { csv })
      .expect(202);
    expect(started.body).toMatchObject({ total: LINES + 3, counts: { provisioning: LINES, rejected: 3 } });
    const rejected = (started.body.rows as { errors?: { field: string; rule: string }[] }[]).slice(LINES);
    expect(rejected.map((r) => r.errors?.map((e) => `${e.field}:${e.rule}`)[0])).toEqual([
      'localPart:matches',
      'password:passwordPolicy',
      'localPart:uniqueInFile',
    ]);
    const progress = async () =>
      (
        await bed.app
          .signed('get', `${acct.mailboxes.replace('/mailboxes', '/mailbox-imports')}/${started.body.id}`)
          .expect(200)
      ).body as { counts: Record<string, number>; done: number };

    bed.emulator.setLatency(10);
    worker = await startWorker();
    for (let i = 0; i < 600 && (await progress()).counts.active < 40; i++) await sleep(100);
    worker.child.kill('SIGKILL');
    expect(await worker.exited).toBe('SIGKILL');
    const atKill = await progress();
    expect(atKill.counts.active).toBeGreaterThanOrEqual(40);
    expect(atKill.counts.active).toBeLessThan(LINES);

    worker = await startWorker();
    for (let i = 0; i < 1200 && (await progress()).counts.provisioning > 0; i++) await sleep(100);
    worker.child.kill('SIGTERM');
    await worker.exited;
    worker = undefined;
    expect((await progress()).counts).toEqual({ rejected: 3, provisioning: 0, active: LINES, failed: 0 });

    const users = await bed.directory.search(acct.orgDn, '(objectClass=user)', { attributes: ['mail'] });
    const mails = users.map((u) => u.attributes.mail[0]);
    expect(mails).toHaveLength(LINES + 1);
    expect(new Set(mails).size).toBe(LINES + 1);
    const expected = [
      ...Array.from({ length: LINES }, (_, i) => `user${i}@${acct.domain}`),
      `admin@${acct.domain}`,
    ];
    expect(mails.sort()).toEqual(expected.sort());
    const mailboxes = (await bed.app.signed('get', acct.mailboxes).expect(200)).body as {
      address: string;
      status: string;
    }[];
    expect(mailboxes).toHaveLength(LINES + 1);
    expect(mailboxes.every((m) => m.status === 'active')).toBe(true);
    expect(mailboxes.map((m) => m.address).sort()).toEqual(expected.sort());
  });
});
