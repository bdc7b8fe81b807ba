import { BACKENDS, freshDatabaseUrl } from '../../support/backends';
import { TestApp, testEnv } from '../../support/app';

const PLANS = '/plugin/v1/admin/plans';
const GLOBALS = '/plugin/v1/admin/globals';

const wizard = {
  name: 'Exchange Business',
  description: 'Hosted Exchange for small offices',
  currency: 'EUR',
  requiresApproval: true,
  publicFolder: true,
  mailboxes: [
    { mailingPlan: 'BaseMail', max: 50, freeUnits: 0, setupFee: 0, recurringFee: 3 },
    { mailingPlan: 'goldmail', max: 20, freeUnits: 2, setupFee: 5, recurringFee: 9.99 },
  ],
  resources: { smtpDomains: { max: 3, freeUnits: 1, recurringFee: 1.5 } },
};

describe.each(BACKENDS)('Hosted Exchange plans over the signed plugin API (%s)', (backend) => {
  let app: TestApp;
  let planId: string;

  beforeAll(async () => {
    app = await TestApp.start(testEnv({ DATABASE_URL: await freshDatabaseUrl(backend) }));
  });
  afterAll(() => app.close());

  it('refuses the wizard with 409 PLATFORM_DISABLED while Exchange hosting is off, writing nothing', async () => {
    const res = await app.signed('post', PLANS, wizard).expect(409);
    expect(res.body.code).toBe('PLATFORM_DISABLED');
    expect((await app.signed('get', PLANS).expect(200)).body).toEqual([]);
  });

  it('creates the plan with the wizard, filling the defaults', async () => {
    await app.signed('patch', GLOBALS, { exchangeHostingEnabled: true }).expect(200);
    const res = await app.signed('post', PLANS, wizard).expect(201);
    planId = res.body.id;
    expect(res.body).toMatchObject({
      name: 'Exchange Business',
      currency: 'EUR',
      billingPeriodMonths: 1,
      signupEnabled: false,
      requiresApproval: true,
      publicFolder: true,
      status: 'active',
      mailboxes: [
        { mailingPlan: 'BaseMail', max: 50, freeUnits: 0, setupFee: 0, recurringFee: 3 },
        { mailingPlan: 'GoldMail', max: 20, freeUnits: 2, setupFee: 5, recurringFee: 9.99 },
      ],
    });
    expect(res.body.resources).toEqual({
      mailStoreMb: { max: 10240, freeUnits: 10240, setupFee: 0, recurringFee: 0 },
      publicStoreMb: { max: 1024, freeUnits: 1024, setupFee: 0, recurringFee: 0 },
      smtpDomains: { max: 3, freeUnits: 1, setupFee: 0, recurringFee: 1.5 },
      distributionLists: { max: 20, freeUnits: 20, setupFee: 0, recurringFee: 0 },
      contacts: { max: 100, freeUnits: 100, setupFee: 0, recurringFee: 0 },
    });
    expect((await app.signed('get', `${PLANS}/${planId}`).expect(200)).body).toEqual(res.body);
  });

  it('offers the default mailing plan when the wizard names none', async () => {
    const res = await app.signed('post', PLANS, { name: 'Starter' }).expect(201);
    expect(res.body.mailboxes).toEqual([expect.objectContaining({ mailingPlan: 'BaseMail', max: 10 })]);
  });

  it('names every invalid field: negative or absurd limits, free above max, unknown mailing plans, bad fees', async () => {
    const res = await app
      .signed('post', PLANS, {
        name: 'Broken',
        currency: 'XYZ',
        billingPeriodMonths: 2,
        mailboxes: [{ mailingPlan: 'GoldMail', max: -1, recurringFee: 1.234 }],
        resources: { contacts: { max: 5_000_000 } },
      })
      .expect(400);
    const fields = (res.body.errors as { field: string }[]).map((e) => e.field).sort();
    expect(fields).toEqual([
      'billingPeriodMonths',
      'currency',
      'mailboxes.0.max',
      'mailboxes.0.recurringFee',
      'resources.contacts.max',
    ]);

    const semantic = await app
      .signed('post', PLANS, {
        name: 'Broken',
        mailboxes: [
          { mailingPlan: 'DiamondMail' },
          { mailingPlan: 'BaseMail', max: 5, freeUnits: 6 },
          { mailingPlan: 'basemail' },
        ],
      })
      .expect(400);
    expect(
      (semantic.body.errors as { field: string; rule: string }[]).map((e) => `${e.field}:${e.rule}`),
    ).toEqual([
      'mailboxes[0].mailingPlan:knownMailingPlan',
      'mailboxes[1].freeUnits:notAboveMax',
      'mailboxes[2].mailingPlan:unique',
    ]);
    expect(
      (await app.signed('get', PLANS).expect(200)).body.map((p: { name: string }) => p.name),
    ).not.toContain('Broken');
  });

  it('refuses a duplicate name (any case) with 409 naming the field', async () => {
    const res = await app.signed('post', PLANS, { name: 'exchange business' }).expect(409);
    expect(res.body).toMatchObject({ code: 'CONFLICT', errors: [{ field: 'name', rule: 'unique' }] });
  });

  it('updates, clones and turns signup access on and off; every change is audited', async () => {
    const updated = await app
      .signed('patch', `${PLANS}/${planId}`, {
        description: 'New text',
        resources: { contacts: { max: 50, freeUnits: 10 } },
      })
      .expect(200);
    expect(updated.body.description).toBe('New text');
    expect(updated.body.resources.contacts).toEqual({ max: 50, freeUnits: 10, setupFee: 0, recurringFee: 0 });
    expect(updated.body.mailboxes).toHaveLength(2);
    for (const [mailboxes, rule] of [
      [null, 'notNull'],
      [[], 'arrayNotEmpty'],
    ] as const) {
      const refused = await app.signed('patch', `${PLANS}/${planId}`, { mailboxes }).expect(400);
      expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'mailboxes', rule })]);
    }

    const on = await app.signed('put', `${PLANS}/${planId}/signup-access`, { enabled: true }).expect(200);
    expect(on.body.signupEnabled).toBe(true);

    const clone = await app
      .signed('post', `${PLANS}/${planId}/clone`, { name: 'Exchange Business 2' })
      .expect(201);
    expect(clone.body).toMatchObject({
      name: 'Exchange Business 2',
      signupEnabled: false,
      mailboxes: updated.body.mailboxes,
    });
    expect(clone.body.id).not.toBe(planId);

    const audit = (
      await app.signed('get', `/plugin/v1/admin/audit?targetType=plan&targetId=${planId}`).expect(200)
    ).body;
    expect(audit.map((e: { action: string }) => e.action)).toEqual([
      'plan.signup-on',
      'plan.update',
      'plan.create',
    ]);
    expect(audit[1].before.description).toBe('Hosted Exchange for small offices');
    expect(audit[1].after.description).toBe('New text');
  });

  it('keeps plans readable but refuses signup access while the platform is off', async () => {
    await app.signed('put', `${PLANS}/${planId}/signup-access`, { enabled: false }).expect(200);
    await app.signed('patch', GLOBALS, { exchangeHostingEnabled: false }).expect(200);
    const res = await app.signed('put', `${PLANS}/${planId}/signup-access`, { enabled: true }).expect(409);
    expect(res.body.code).toBe('PLATFORM_DISABLED');
    expect((await app.signed('get', `${PLANS}/${planId}`).expect(200)).body.signupEnabled).toBe(false);
    await app.signed('post', `${PLANS}/${planId}/clone`, { name: 'Nope' }).expect(409);
    await app.signed('patch', GLOBALS, { exchangeHostingEnabled: true }).expect(200);
  });

  describe('estimates (EUR, monthly; GoldMail 2 free, setup 5.00, 9.99/month; BaseMail 3.00/month)', () => {
    const estimate = (body: object) => app.signed('post', `${PLANS}/${planId}/estimates`, body);

    it('adds 3 GoldMail mailboxes to an account holding 1, 10 of 30 days left', async () => {
      const res = await estimate({
        change: 'add-mailboxes',
        mailingPlan: 'GoldMail',
        quantity: 3,
        current: { GoldMail: 1 },
        periodStart: '2026-11-01',
        asOf: '2026-11-21',
      }).expect(200);
      expect(res.body).toMatchObject({
        currency: 'EUR',
        periodEnd: '2026-12-01',
        daysInPeriod: 30,
        daysLeft: 10,
        total: 16.66,
      });
      expect(res.body.lines).toEqual([
        {
          description: "GoldMail mailbox within the plan's free units",
          quantity: 1,
          unitPrice: 0,
          amount: 0,
        },
        { description: 'Setup fee: GoldMail mailbox', quantity: 2, unitPrice: 5, amount: 10 },
        {
          description: 'Recurring fee: GoldMail mailbox, 10 of 30 days',
          quantity: 2,
          unitPrice: 9.99,
          amount: 6.66,
        },
      ]);
    });

    it('moves a mailbox from BaseMail to GoldMail: old tier refunded, new one charged', async () => {
      const res = await estimate({
        change: 'change-mailing-plan',
        from: 'BaseMail',
        to: 'GoldMail',
        current: { BaseMail: 2, GoldMail: 2 },
        periodStart: '2026-11-01',
        asOf: '2026-11-21',
      }).expect(200);
      expect(res.body.lines.map((l: { amount: number }) => l.amount)).toEqual([-1, 5, 3.33]);
      expect(res.body.total).toBe(7.33);
    });

    it('prorates over a short month and rounds half a cent up', async () => {
      const res = await estimate({
        change: 'add-mailboxes',
        mailingPlan: 'GoldMail',
        current: { GoldMail: 2 },
        periodStart: '2027-01-31',
        asOf: '2027-02-14',
      }).expect(200);
      expect(res.body).toMatchObject({ periodEnd: '2027-02-28', daysInPeriod: 28, daysLeft: 14, total: 10 });
      expect(res.body.lines[1].amount).toBe(5);
    });

    it('refuses what exceeds the limit, mailing plans the plan does not offer, and dates outside the period', async () => {
      expect(
        (
          await estimate({
            change: 'add-mailboxes',
            mailingPlan: 'GoldMail',
            quantity: 2,
            current: { GoldMail: 19 },
            periodStart: '2026-11-01',
          }).expect(409)
        ).body.code,
      ).toBe('PLAN_LIMIT_REACHED');
      expect(
        (
          await estimate({
            change: 'add-mailboxes',
            mailingPlan: 'PlatinumMail',
            periodStart: '2026-11-01',
            asOf: '2026-11-02',
          }).expect(400)
        ).body.errors[0],
      ).toMatchObject({ field: 'mailingPlan', rule: 'offeredByPlan' });
      expect(
        (
          await estimate({
            change: 'add-mailboxes',
            mailingPlan: 'GoldMail',
            periodStart: '2026-11-01',
            asOf: '2026-12-01',
          }).expect(400)
        ).body.errors[0].field,
      ).toBe('asOf');
      expect(
        (
          await estimate({
            change: 'change-mailing-plan',
            from: 'BaseMail',
            periodStart: '2026-11-01',
          }).expect(400)
        ).body.errors[0].field,
      ).toBe('to');
      const same = {
        change: 'change-mailing-plan',
        from: 'GoldMail',
        to: 'goldmail',
        current: { GoldMail: 3 },
      };
      expect((await estimate({ ...same, periodStart: '2026-11-01' }).expect(400)).body.errors[0].rule).toBe(
        'differentFromFrom',
      );
      for (const periodStart of ['2026-W45', '2026-300', '2026-11', '2026-02-30']) {
        expect(
          (await estimate({ ...same, to: 'BaseMail', periodStart }).expect(400)).body.errors[0].field,
        ).toBe('periodStart');
      }
    });
  });

  it('keeps an archived mailing plan on the plans that offer it, but never adds it anew', async () => {
    const plan = (
      await app
        .signed('post', PLANS, { name: 'Platinum', mailboxes: [{ mailingPlan: 'PlatinumMail' }] })
        .expect(201)
    ).body;
    const platinum = (await app.signed('get', '/plugin/v1/admin/mailing-plans').expect(200)).body.find(
      (m: { name: string }) => m.name === 'PlatinumMail',
    );
    await app.signed('post', `/plugin/v1/admin/mailing-plans/${platinum.id}/archive`).expect(200);
    await app
      .signed('patch', `${PLANS}/${plan.id}`, { mailboxes: [{ mailingPlan: 'PlatinumMail', max: 30 }] })
      .expect(200);
    const res = await app
      .signed('post', PLANS, { name: 'Platinum 2', mailboxes: [{ mailingPlan: 'PlatinumMail' }] })
      .expect(400);
    expect(res.body.errors[0]).toMatchObject({ field: 'mailboxes[0].mailingPlan', rule: 'knownMailingPlan' });
  });

  it('archives a plan: signup off, hidden from the list, still readable, no longer changeable', async () => {
    const res = await app.signed('post', `${PLANS}/${planId}/archive`).expect(200);
    expect(res.body).toMatchObject({ status: 'archived', signupEnabled: false });
    expect((await app.signed('get', PLANS).expect(200)).body.map((p: { id: string }) => p.id)).not.toContain(
      planId,
    );
    expect(
      (await app.signed('get', `${PLANS}?includeArchived=true`).expect(200)).body.map(
        (p: { id: string }) => p.id,
      ),
    ).toContain(planId);
    await app.signed('patch', `${PLANS}/${planId}`, { description: 'x' }).expect(409);
    await app.signed('get', `${PLANS}/no-such-plan`).expect(404);
  });
});
