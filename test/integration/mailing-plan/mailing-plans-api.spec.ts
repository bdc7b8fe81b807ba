import { BACKENDS, freshDatabaseUrl } from '../../support/backends';
import { TestApp, testEnv } from '../../support/app';

const PLANS = '/plugin/v1/admin/mailing-plans';
const AUDIT = '/plugin/v1/admin/audit';

type Plan = { id: string; name: string; isDefault: boolean; archived: boolean; mailboxSizeMb: number };
type AuditEntry = { action: string; before: unknown; after: unknown };

/** The mailing-plan catalogue over the signed API, on both database backends. */
describe.each(BACKENDS)('mailing plans (%s)', (backend) => {
  let env: Record<string, string>;
  let app: TestApp;

  beforeAll(async () => {
    env = testEnv({ DATABASE_URL: await freshDatabaseUrl(backend) });
    app = await TestApp.start(env);
  });
  afterAll(() => app.close());

  const list = async (query = ''): Promise<Plan[]> =>
    (await app.signed('get', `${PLANS}${query}`).expect(200)).body as Plan[];
  const byName = async (name: string) => (await list('?includeArchived=true')).find((p) => p.name === name)!;
  const auditOf = async (id: string) =>
    (await app.signed('get', `${AUDIT}?targetType=mailing-plan&targetId=${id}`).expect(200))
      .body as AuditEntry[];

  it('offers the four classic plans on a new installation, BaseMail by default', async () => {
    const plans = await list();
    expect(plans.map((p) => [p.name, p.mailboxSizeMb, p.isDefault])).toEqual([
      ['BaseMail', 250, true],
      ['GoldMail', 1024, false],
      ['PlatinumMail', 2048, false],
      ['PlatinumPlusMail', 5120, false],
    ]);
    expect(plans[0]).toMatchObject({
      pop: true,
      imap: true,
      owa: true,
      activeSync: false,
      mapi: false,
      archived: false,
    });
    expect(plans[3]).toMatchObject({ activeSync: true, mapi: true, owaSegmentation: 4294967295 });
    expect(plans[0].id).toMatch(/^[0-9a-f-]{36}$/);
    expect((await app.signed('get', `${PLANS}/${plans[1].id}`).expect(200)).body).toEqual(plans[1]);
  });

  it('documents every route in OpenAPI', async () => {
    const paths = Object.keys((await app.http.get('/docs-json').expect(200)).body.paths as object);
    expect(paths).toEqual(
      expect.arrayContaining([PLANS, `${PLANS}/import`, `${PLANS}/{id}`, `${PLANS}/{id}/archive`]),
    );
  });

  it('refuses other actors, unknown ids and bad queries', async () => {
    await app.signed('get', PLANS, undefined, { actor: 'customer:42' }).expect(403);
    await app.http.get(PLANS).set('X-Plugin-Actor', 'admin:alice').expect(401);
    const missing = await app.signed('get', `${PLANS}/00000000-0000-4000-8000-000000000000`).expect(404);
    expect(missing.body.code).toBe('NOT_FOUND');
    await app.signed('get', `${PLANS}/not-a-uuid`).expect(404);
    const bad = await app.signed('get', `${PLANS}?includeArchived=maybe`).expect(400);
    expect(bad.body.errors).toEqual([
      expect.objectContaining({ field: 'includeArchived', rule: 'isBoolean' }),
    ]);
  });

  it('creates a plan with defaults for what it leaves out, audited', async () => {
    const res = await app
      .signed('post', PLANS, {
        name: 'Silver Mail',
        mailboxSizeMb: 512,
        activeSync: true,
        description: 'Silver',
      })
      .expect(201);
    expect(res.body).toMatchObject({
      name: 'Silver Mail',
      mailboxSizeMb: 512,
      activeSync: true,
      pop: true,
      maxSendSizeKb: 10240,
      issueWarningPercent: 90,
      isDefault: false,
      archived: false,
    });
    const [entry] = await auditOf(res.body.id);
    expect(entry).toMatchObject({
      action: 'mailing-plan.create',
      actor: 'admin:alice',
      before: null,
      after: expect.objectContaining({ name: 'Silver Mail', mailboxSizeMb: 512, isDefault: false }),
    });
  });

  it('refuses invalid values naming each field and rule, and a taken name regardless of case', async () => {
    const before = await list('?includeArchived=true');
    const res = await app
      .signed('post', PLANS, {
        name: 'Bad/Name',
        mailboxSizeMb: 0,
        owaSegmentation: -1,
        pop: 'yes',
        colour: 1,
      })
      .expect(400);
    expect(
      (res.body.errors as { field: string; rule: string }[]).map((e) => `${e.field}:${e.rule}`).sort(),
    ).toEqual([
      'colour:whitelistValidation',
      'mailboxSizeMb:min',
      'name:matches',
      'owaSegmentation:min',
      'pop:isBoolean',
    ]);
    const order = await app
      .signed('post', PLANS, { name: 'Quota', issueWarningPercent: 96, prohibitSendPercent: 95 })
      .expect(400);
    expect(order.body.errors).toEqual([
      expect.objectContaining({ field: 'issueWarningPercent', rule: 'notAboveProhibitSend' }),
    ]);
    const taken = await app.signed('post', PLANS, { name: 'goldmail' }).expect(409);
    expect(taken.body).toMatchObject({
      code: 'CONFLICT',
      errors: [expect.objectContaining({ field: 'name' })],
    });
    await app.signed('post', PLANS, { name: 'A', mailboxSizeMb: null }).expect(400);
    expect(await list('?includeArchived=true')).toEqual(before);
  });

  it('changes a plan, auditing only the changed values; lowering the size needs confirmShrink', async () => {
    const gold = await byName('GoldMail');
    const res = await app
      .signed('patch', `${PLANS}/${gold.id}`, { mailboxSizeMb: 2048, imap: false })
      .expect(200);
    expect(res.body).toMatchObject({ mailboxSizeMb: 2048, imap: false, pop: true });

    const shrink = await app.signed('patch', `${PLANS}/${gold.id}`, { mailboxSizeMb: 1000 }).expect(409);
    expect(shrink.body.detail).toMatch(/GoldMail from 2048 MB to 1000 MB.*confirmShrink/);
    expect((await byName('GoldMail')).mailboxSizeMb).toBe(2048);
    await app
      .signed('patch', `${PLANS}/${gold.id}`, { mailboxSizeMb: 1000, confirmShrink: true })
      .expect(200);

    await app.signed('patch', `${PLANS}/${gold.id}`, { imap: false }).expect(200); // no change, no entry
    await app.signed('patch', `${PLANS}/${gold.id}`, {}).expect(400);
    await app.signed('patch', `${PLANS}/${gold.id}`, { name: 'platinummail' }).expect(409);
    await app.signed('patch', `${PLANS}/${gold.id}`, { prohibitSendReceivePercent: 50 }).expect(400);
    const entries = await auditOf(gold.id);
    expect(entries.map((e) => [e.before, e.after])).toEqual([
      [{ mailboxSizeMb: 2048 }, { mailboxSizeMb: 1000 }],
      [
        { mailboxSizeMb: 1024, imap: true },
        { mailboxSizeMb: 2048, imap: false },
      ],
    ]);
  });

  it('keeps exactly one default: making a plan the default takes the mark from the old one', async () => {
    const [base, gold] = [await byName('BaseMail'), await byName('GoldMail')];
    const cannotDrop = await app.signed('patch', `${PLANS}/${base.id}`, { isDefault: false }).expect(409);
    expect(cannotDrop.body.detail).toMatch(/BaseMail is the default/);

    await app.signed('patch', `${PLANS}/${gold.id}`, { isDefault: true }).expect(200);
    expect((await list()).filter((p) => p.isDefault).map((p) => p.name)).toEqual(['GoldMail']);
    expect((await auditOf(base.id))[0]).toMatchObject({
      before: { isDefault: true },
      after: { isDefault: false },
    });

    const created = await app.signed('post', PLANS, { name: 'NewDefault', isDefault: true }).expect(201);
    expect((await list()).filter((p) => p.isDefault).map((p) => p.id)).toEqual([created.body.id]);
    await app.signed('patch', `${PLANS}/${base.id}`, { isDefault: true }).expect(200);
    expect((await list()).filter((p) => p.isDefault).map((p) => p.name)).toEqual(['BaseMail']);
  });

  it('archives a plan (not the default): hidden from the list unless asked for, kept after a restart', async () => {
    const [base, silver] = [await byName('BaseMail'), await byName('Silver Mail')];
    const refused = await app.signed('post', `${PLANS}/${base.id}/archive`).expect(409);
    expect(refused.body.detail).toMatch(/default/);

    const res = await app.signed('post', `${PLANS}/${silver.id}/archive`).expect(200);
    expect(res.body).toMatchObject({ archived: true });
    await app.signed('post', `${PLANS}/${silver.id}/archive`).expect(200); // already archived: no change
    expect((await list()).map((p) => p.name)).not.toContain('Silver Mail');
    expect((await byName('Silver Mail')).archived).toBe(true);
    const entries = await auditOf(silver.id);
    expect(entries.filter((e) => e.action === 'mailing-plan.archive')).toHaveLength(1);
    await app.signed('patch', `${PLANS}/${silver.id}`, { isDefault: true }).expect(409);
    await app.signed('post', PLANS, { name: 'SILVER MAIL' }).expect(409);

    await app.close();
    app = await TestApp.start(env);
    expect((await byName('Silver Mail')).archived).toBe(true);
    expect((await list()).filter((p) => p.isDefault).map((p) => p.name)).toEqual(['BaseMail']);
  });
});
