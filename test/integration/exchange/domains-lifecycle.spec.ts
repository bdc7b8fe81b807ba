import { buildDn } from '../../../src/modules/directory/ldap-dn';
import { createContact } from '../../support/directory-fixtures';
import { isDisabled } from '../mpf-end-to-end/e2e-kit';
import { ACCOUNTS, SignupBed, STRONG_PASSWORD } from './signup-kit';

/** SMTP domains and the account lifecycle (suspend, unsuspend, change plan, usage, terminate), on MariaDB. */
describe('SMTP domains and the account lifecycle', () => {
  let bed: SignupBed;
  let planId: string;

  beforeAll(async () => {
    bed = await SignupBed.start('mariadb');
    planId = await bed.plan({
      mailboxes: [
        { mailingPlan: 'GoldMail', max: 5, freeUnits: 0, setupFee: 0, recurringFee: 0 },
        { mailingPlan: 'BaseMail', max: 10, freeUnits: 0, setupFee: 0, recurringFee: 0 },
      ],
      resources: { mailStoreMb: { max: 20_000, freeUnits: 20_000 }, smtpDomains: { max: 3, freeUnits: 3 } },
    });
  });
  afterAll(() => bed?.stop());

  const mailbox = (acct: { mailboxes: string }, localPart: string, domain?: string) =>
    bed.app
      .signed('post', acct.mailboxes, {
        localPart,
        displayName: localPart,
        password: STRONG_PASSWORD,
        mailingPlan: 'BaseMail',
        ...(domain && { domain }),
      })
      .expect(202);
  const accountOf = async (id: string) => (await bed.app.signed('get', `${ACCOUNTS}/${id}`).expect(200)).body;

  it('adds a domain, makes it primary, refuses to delete a primary or used one, deletes an unused one', async () => {
    const acct = await bed.activeAccount(planId, 'dom');
    const domains = `${ACCOUNTS}/${acct.id}/domains`;
    const second = `second-${bed.tag}.test`;
    const spare = `spare-${bed.tag}.test`;

    const added = await bed.app.signed('post', domains, { domain: second }).expect(202);
    expect(added.body).toMatchObject({ domain: second, type: 'secondary', status: 'provisioning' });
    expect(added.body.dnsRecords).toEqual([
      { type: 'MX', name: second, value: 'mx.hosting.test', priority: 10 },
      { type: 'CNAME', name: `autodiscover.${second}`, value: 'autodiscover.hosting.test' },
      { type: 'TXT', name: second, value: 'v=spf1 include:spf.hosting.test -all' },
    ]);
    await bed.drain();
    const other = await bed.activeAccount(planId, 'dom2');
    const clash = await bed.app
      .signed('post', `${ACCOUNTS}/${other.id}/domains`, { domain: second })
      .expect(409);
    expect(clash.body.detail).toBe(`The domain ${second} is taken`);

    await mailbox(acct, 'eve', second);
    await bed.drain();
    await bed.app.signed('put', `${domains}/${second}/primary`).expect(202);
    await bed.drain();
    expect((await accountOf(acct.id)).primaryDomain).toBe(second);
    const listed = (await bed.app.signed('get', domains).expect(200)).body;
    expect(listed.map((d: { domain: string; type: string }) => [d.domain, d.type])).toEqual(
      [
        [acct.domain, 'secondary'],
        [second, 'primary'],
      ].sort(),
    );
    expect(bed.emulator.state().orgs[acct.organizationName].smtpDomains).toEqual(
      expect.arrayContaining([
        { domain: second, type: 'PrimaryDomain' },
        { domain: acct.domain, type: 'SecondaryDomain' },
      ]),
    );
    const newbie = await bed.app
      .signed('post', acct.mailboxes, {
        localPart: 'newbie',
        displayName: 'N',
        password: STRONG_PASSWORD,
        mailingPlan: 'BaseMail',
      })
      .expect(202);
    expect(newbie.body.address).toBe(`newbie@${second}`);
    await bed.drain();

    const primary = await bed.app.signed('delete', `${domains}/${second}`).expect(409);
    expect(primary.body.detail).toContain('is the primary domain');
    const used = await bed.app.signed('delete', `${domains}/${acct.domain}`).expect(409);
    expect(used.body.detail).toContain('still used by');
    await bed.app.signed('post', domains, { domain: spare, type: 'vanity' }).expect(202);
    await bed.drain();
    const limit = await bed.app.signed('post', domains, { domain: `x-${bed.tag}.test` }).expect(409);
    expect(limit.body.code).toBe('PLAN_LIMIT_REACHED');
    await bed.app.signed('delete', `${domains}/${spare}`).expect(202);
    await bed.drain();
    expect((await bed.app.signed('get', domains).expect(200)).body).toHaveLength(2);
    expect(bed.emulator.state().orgs[acct.organizationName].smtpDomains.map((d) => d.domain)).not.toContain(
      spare,
    );
  });

  it('suspends and unsuspends: a mailbox disabled before the suspension stays disabled', async () => {
    const acct = await bed.activeAccount(planId, 'susp');
    const on = (await mailbox(acct, 'on')).body.id as string;
    const off = (await mailbox(acct, 'off')).body.id as string;
    await bed.drain();
    await bed.app.signed('post', `${acct.mailboxes}/${off}/disable`).expect(202);
    await bed.drain();
    const disabled = async (localPart: string) =>
      isDisabled(
        (
          await bed.directory.findByDn(buildDn([['CN', `${localPart}@${acct.domain}`]], acct.orgDn), [
            'userAccountControl',
          ])
        )?.attributes.useraccountcontrol[0],
      );

    await bed.app
      .signed('post', `${ACCOUNTS}/${acct.id}/suspend`, undefined, { actor: `customer:${acct.id}` })
      .expect(403);
    const suspended = await bed.app.signed('post', `${ACCOUNTS}/${acct.id}/suspend`).expect(202);
    expect(suspended.body.operationId).toEqual(expect.any(String));
    await bed.app.signed('post', `${ACCOUNTS}/${acct.id}/suspend`).expect(409);
    await bed.drain();
    expect((await accountOf(acct.id)).status).toBe('suspended');
    expect([await disabled('admin'), await disabled('on'), await disabled('off')]).toEqual([
      true,
      true,
      true,
    ]);
    const refused = await bed.app.signed('post', `${acct.mailboxes}/${on}/enable`).expect(409);
    expect(refused.body.detail).toContain('suspended');

    await bed.app.signed('post', `${ACCOUNTS}/${acct.id}/unsuspend`).expect(202);
    await bed.drain();
    expect((await accountOf(acct.id)).status).toBe('active');
    expect([await disabled('admin'), await disabled('on'), await disabled('off')]).toEqual([
      false,
      false,
      true,
    ]);
    const off2 = (await bed.app.signed('get', `${acct.mailboxes}/${off}`).expect(200)).body;
    expect(off2.enabled).toBe(false);
  });

  it('reports usage for billing and refuses a downgrade with the list of what exceeds it', async () => {
    const acct = await bed.activeAccount(planId, 'use');
    await mailbox(acct, 'u1');
    await mailbox(acct, 'u2');
    await bed.drain();
    bed.emulator.setMailboxUsage(`u1@${acct.domain}`, 2048);
    const list = (await bed.app.signed('get', acct.mailboxes).expect(200)).body as {
      id: string;
      address: string;
    }[];
    const u1 = list.find((m) => m.address.startsWith('u1@'))!;
    await bed.app.signed('get', `${acct.mailboxes}/${u1.id}/usage?refresh=true`).expect(200);

    const usage = (
      await bed.app
        .signed('get', `${ACCOUNTS}/${acct.id}/usage`, undefined, { actor: `customer:${acct.id}` })
        .expect(200)
    ).body;
    expect(usage).toMatchObject({
      accountId: acct.id,
      mailboxes: { GoldMail: 1, BaseMail: 2 },
      storage: { allocatedMb: 1024 + 2 * 250, limitMb: 20_000, usedKb: 2048 },
      smtpDomains: 1,
    });
    expect(usage.period.start <= new Date().toISOString().slice(0, 10)).toBe(true);
    const all = (await bed.app.signed('get', '/plugin/v1/admin/usage').expect(200)).body;
    expect(all.map((u: { accountId: string }) => u.accountId)).toContain(acct.id);

    const small = await bed.plan({
      mailboxes: [{ mailingPlan: 'BaseMail', max: 1, freeUnits: 0, setupFee: 0, recurringFee: 0 }],
      resources: { mailStoreMb: { max: 300, freeUnits: 300 } },
    });
    const down = await bed.app.signed('put', `${ACCOUNTS}/${acct.id}/plan`, { planId: small }).expect(409);
    expect(down.body.code).toBe('PLAN_LIMIT_REACHED');
    expect(down.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(
      ['mailStoreMb', 'mailboxes.BaseMail', 'mailboxes.GoldMail'].sort(),
    );
    const bigger = await bed.plan({
      mailboxes: [
        { mailingPlan: 'GoldMail', max: 5, freeUnits: 0, setupFee: 0, recurringFee: 0 },
        { mailingPlan: 'BaseMail', max: 5, freeUnits: 0, setupFee: 0, recurringFee: 0 },
        { mailingPlan: 'PlatinumMail', max: 5, freeUnits: 0, setupFee: 0, recurringFee: 0 },
      ],
      resources: { mailStoreMb: { max: 30_000, freeUnits: 30_000 } },
    });
    await bed.app.signed('put', `${ACCOUNTS}/${acct.id}/plan`, { planId: bigger }).expect(202);
    await bed.drain();
    expect((await accountOf(acct.id)).planId).toBe(bigger);
    const org = bed.emulator.state().orgs[acct.organizationName];
    expect(org.mailStoreMB).toBe(30_000);
    expect(org.availablePlans).toEqual(expect.arrayContaining(['PlatinumMail']));
  });

  it('terminates: every object of the organization, also one made behind our back, then the OU are gone', async () => {
    const acct = await bed.activeAccount(planId, 'term');
    await mailbox(acct, 't1');
    await bed.drain();
    await createContact(acct.orgDn, { cn: 'stray contact', mail: 'stray@elsewhere.test' });
    await bed.app.signed('post', `${ACCOUNTS}/${acct.id}/terminate`).expect(202);
    expect((await accountOf(acct.id)).status).toBe('terminating');
    await bed.app
      .signed('post', acct.mailboxes, { localPart: 'late', displayName: 'L', password: STRONG_PASSWORD })
      .expect(409);
    await bed.drain();
    expect(await bed.exists(acct.orgDn)).toBe(false);
    await bed.app.signed('get', `${ACCOUNTS}/${acct.id}`).expect(404);
    expect(bed.emulator.state().orgs[acct.organizationName]).toBeUndefined();
    // Its names are free again.
    await bed.app.signed('post', ACCOUNTS, bed.signup(planId, 'term')).expect(202);
    await bed.drain();
  });
});
