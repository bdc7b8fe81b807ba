import { BACKENDS } from '../../support/backends';
import { SignupBed, STRONG_PASSWORD } from './signup-kit';

/** Plan limits hold under concurrency: the account row is locked (MariaDB) or transactions serialized (SQLite). */
describe.each(BACKENDS)('mailbox limits (%s)', (backend) => {
  let bed: SignupBed;

  beforeAll(async () => {
    bed = await SignupBed.start(backend);
  });
  afterAll(() => bed?.stop());

  it('accepts exactly 10 of 20 concurrent creates against a limit of 10, and AD ends up with exactly those', async () => {
    const planId = await bed.plan({
      mailboxes: [
        { mailingPlan: 'GoldMail', max: 1, freeUnits: 0, setupFee: 0, recurringFee: 0 },
        { mailingPlan: 'BaseMail', max: 10, freeUnits: 0, setupFee: 0, recurringFee: 0 },
      ],
      resources: { mailStoreMb: { max: 100_000, freeUnits: 100_000 } },
    });
    const acct = await bed.activeAccount(planId, 'lim');
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        bed.app.signed('post', acct.mailboxes, {
          localPart: `user${i}`,
          displayName: `User ${i}`,
          password: STRONG_PASSWORD,
          mailingPlan: 'BaseMail',
        }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 202)).toHaveLength(10);
    expect(statuses.filter((s) => s === 409)).toHaveLength(10);
    const refused = results.find((r) => r.status === 409)!.body;
    expect(refused).toMatchObject({ code: 'PLAN_LIMIT_REACHED', meta: { limit: '10', used: '10' } });

    await bed.drain();
    const users = await bed.directory.search(acct.orgDn, '(objectClass=user)', { attributes: ['mail'] });
    const accepted = results.filter((r) => r.status === 202).map((r) => r.body.address as string);
    expect(users.map((u) => u.attributes.mail[0]).sort()).toEqual(
      [...accepted, `admin@${acct.domain}`].sort(),
    );
    const more = await bed.app
      .signed('post', acct.mailboxes, {
        localPart: 'one-more',
        displayName: 'One more',
        password: STRONG_PASSWORD,
        mailingPlan: 'BaseMail',
      })
      .expect(409);
    expect(more.body.code).toBe('PLAN_LIMIT_REACHED');
  });

  it('refuses a mailbox the mail store has no room for', async () => {
    const planId = await bed.plan({
      mailboxes: [{ mailingPlan: 'GoldMail', max: 5, freeUnits: 0, setupFee: 0, recurringFee: 0 }],
      resources: { mailStoreMb: { max: 1500, freeUnits: 1500 } },
    });
    const acct = await bed.activeAccount(planId, 'store');
    const res = await bed.app
      .signed('post', acct.mailboxes, { localPart: 'big', displayName: 'Big', password: STRONG_PASSWORD })
      .expect(409);
    expect(res.body).toMatchObject({
      code: 'PLAN_LIMIT_REACHED',
      meta: { resource: 'mailStoreMb', limit: '1500' },
    });
  });
});
