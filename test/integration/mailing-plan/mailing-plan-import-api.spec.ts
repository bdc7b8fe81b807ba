import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BACKENDS, freshDatabaseUrl } from '../../support/backends';
import { TestApp, testEnv } from '../../support/app';

const PLANS = '/plugin/v1/admin/mailing-plans';
const IMPORT = `${PLANS}/import`;
const AUDIT = '/plugin/v1/admin/audit';

const fixture = (name: string) => readFileSync(join(process.cwd(), 'test/fixtures', name), 'utf8');
const ORIGINAL = fixture('hsphere-mailing-plans.xml');
const CHANGED = fixture('hsphere-mailing-plans-changed.xml');

type Entry = { name: string; result: string; changedFields?: string[] };
const outcomes = (body: { plans: Entry[] }) =>
  Object.fromEntries(
    body.plans.map((p) => [p.name, p.changedFields ? `${p.result} ${p.changedFields.join(',')}` : p.result]),
  );

/** Importing H-Sphere mailing-plan files over the signed API, on both database backends. */
describe.each(BACKENDS)('mailing-plan import (%s)', (backend) => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start(testEnv({ DATABASE_URL: await freshDatabaseUrl(backend) }));
  });
  afterAll(() => app.close());

  const importXml = (content: string, extra: Record<string, unknown> = {}) =>
    app.signed('post', IMPORT, { format: 'hsphere-xml', content, ...extra });
  /** The whole catalogue and audit trail, to prove a refused import wrote nothing. */
  const snapshot = async () => ({
    plans: (await app.signed('get', `${PLANS}?includeArchived=true`).expect(200)).body,
    audit: (await app.signed('get', `${AUDIT}?limit=200`).expect(200)).body,
  });
  const plan = async (name: string) =>
    ((await app.signed('get', PLANS).expect(200)).body as { id: string; name: string }[]).find(
      (p) => p.name === name,
    )!;

  it('imports an H-Sphere export of the four classic plans: only what differs is updated, and audited', async () => {
    const res = await importXml(ORIGINAL).expect(200);
    expect(res.body).toMatchObject({ created: 0, updated: 3, unchanged: 1 });
    expect(outcomes(res.body)).toEqual({
      BaseMail: 'updated description,owaSegmentation',
      GoldMail: 'unchanged',
      PlatinumMail: 'updated description',
      PlatinumPlusMail: 'updated description',
    });
    expect(await plan('BaseMail')).toMatchObject({
      description: 'Basic mailbox, 250 MB: POP3, IMAP4 and Outlook Web Access (mail, calendar & contacts)',
      mailboxSizeMb: 250,
      owaSegmentation: 9487,
      isDefault: true,
    });

    const base = await plan('BaseMail');
    const audit = (await app.signed('get', `${AUDIT}?targetType=mailing-plan`).expect(200)).body as {
      targetId: string;
    }[];
    expect(audit).toHaveLength(3);
    expect(audit.find((e) => e.targetId === base.id)).toMatchObject({
      actor: 'admin:alice',
      action: 'mailing-plan.import',
      before: {
        description: 'Basic mailbox: 250 MB, POP3, IMAP4 and Outlook Web Access',
        owaSegmentation: 4294967295,
      },
      after: { owaSegmentation: 9487 },
      requestId: res.headers['x-request-id'],
    });
  });

  it('re-importing the same file changes nothing', async () => {
    const before = await snapshot();
    const res = await importXml(ORIGINAL).expect(200);
    expect(res.body).toMatchObject({ created: 0, updated: 0, unchanged: 4 });
    expect(await snapshot()).toEqual(before);
  });

  it('imports a changed file: the changed values of each plan, and a new plan', async () => {
    const res = await importXml(CHANGED).expect(200);
    expect(outcomes(res.body)).toEqual({
      BaseMail: 'updated imap',
      GoldMail: 'updated mailboxSizeMb',
      PlatinumMail: 'unchanged',
      PlatinumPlusMail: 'unchanged',
      DiamondMail: 'created',
    });
    expect(await plan('GoldMail')).toMatchObject({ mailboxSizeMb: 2048 });
    expect(await plan('DiamondMail')).toMatchObject({
      mailboxSizeMb: 10240,
      maxSendSizeKb: 51200,
      maxReceiveSizeKb: 51200,
      maxRecipients: 5000,
      activeSync: true,
      mapi: true,
      isDefault: false,
      archived: false,
    });
  });

  it('refuses to shrink a mailbox size without confirmShrink (409 naming plan and sizes), then applies it with', async () => {
    const before = await snapshot();
    const res = await importXml(ORIGINAL).expect(409);
    expect(res.body).toMatchObject({ code: 'CONFLICT', status: 409 });
    expect(res.body.detail).toMatch(/GoldMail.*2048 MB to 1024 MB.*confirmShrink/);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ field: 'plans[1].features.MailboxSize', rule: 'confirmShrink' }),
    ]);
    expect(await snapshot()).toEqual(before);

    const confirmed = await importXml(ORIGINAL, { confirmShrink: true }).expect(200);
    expect(outcomes(confirmed.body)).toMatchObject({
      BaseMail: 'updated imap',
      GoldMail: 'updated mailboxSizeMb',
    });
    expect(await plan('GoldMail')).toMatchObject({ mailboxSizeMb: 1024 });
  });

  it('answers malformed XML with 400 naming the line, and writes nothing', async () => {
    const before = await snapshot();
    const broken = CHANGED.replace('<planName>GoldMail</planName>', '<planName>GoldMail</plan-name>');
    const res = await importXml(broken).expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    const line = CHANGED.split('\n').findIndex((l) => l.includes('<planName>GoldMail')) + 1;
    expect(res.body.errors).toEqual([
      {
        field: 'content',
        rule: 'wellFormedXml',
        message: expect.stringMatching(new RegExp(`^line ${line}, column`)),
      },
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses an XXE attempt and a billion-laughs document with 400, and writes nothing', async () => {
    const before = await snapshot();
    const xxe = ORIGINAL.replace(
      '<plans>',
      '<!DOCTYPE plans [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<plans>',
    ).replace('<planDescription>Gold mailbox', '<planDescription>&x; Gold mailbox');
    const res = await importXml(xxe).expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'content', rule: 'noDoctype' })]);
    expect(JSON.stringify(res.body)).not.toMatch(/root:/);

    const entities = Array.from(
      { length: 9 },
      (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`,
    );
    const laughs = `<?xml version="1.0"?>\n<!DOCTYPE plans [<!ENTITY lol "lol">${entities.join('')}]>\n<plans><plan><planName>Laughs</planName><planDescription>&lol9;</planDescription></plan></plans>`;
    const res2 = await importXml(laughs).expect(400);
    expect(res2.body.errors[0]).toMatchObject({ field: 'content', rule: 'noDoctype' });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a bad value with 400 naming plan and feature, and writes nothing; an unknown feature is no error', async () => {
    const before = await snapshot();
    const content = CHANGED.replace(
      '<featureName>OWA</featureName>',
      '<featureName>Antivirus</featureName>',
    ).replace('<featureValue>1</featureValue>', '<featureValue>2</featureValue>');
    const res = await importXml(content).expect(400);
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        field: 'plans[0].features.IMAP',
        rule: 'enabledFlag',
        message: expect.stringMatching(/plan "BaseMail".*IMAP/),
      }),
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it('is all or nothing: one bad plan among good ones writes nothing', async () => {
    const before = await snapshot();
    const res = await app
      .signed('post', IMPORT, {
        format: 'json',
        plans: [
          { name: 'SilverMail', mailboxSizeMb: 512 },
          { name: 'PlatinumMail', issueWarningPercent: 99, prohibitSendPercent: 98 },
        ],
      })
      .expect(400);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ field: 'plans[1].issueWarningPercent', rule: 'notAboveProhibitSend' }),
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it('imports JSON plans by field name, and brings back an archived plan it names', async () => {
    const diamond = await plan('DiamondMail');
    await app.signed('post', `${PLANS}/${diamond.id}/archive`).expect(200);
    const res = await app
      .signed('post', IMPORT, {
        format: 'json',
        plans: [
          { name: 'SilverMail', description: 'Silver', mailboxSizeMb: 512, mapi: true },
          { name: 'diamondmail', hiddenFromAddressBook: true },
        ],
      })
      .expect(200);
    expect(outcomes(res.body)).toEqual({
      SilverMail: 'created',
      diamondmail: 'updated name,hiddenFromAddressBook,archived',
    });
    expect(await plan('diamondmail')).toMatchObject({
      id: diamond.id,
      archived: false,
      hiddenFromAddressBook: true,
    });
    expect(await plan('SilverMail')).toMatchObject({
      mailboxSizeMb: 512,
      mapi: true,
      pop: true,
      maxRecipients: 500,
    });
  });

  it('accepts a file of 900 kB (well above the default 100 kB JSON body limit)', async () => {
    const big = ORIGINAL.replace('</plans>', `<!--${'x'.repeat(900 * 1024)}--></plans>`);
    const res = await importXml(big).expect(200);
    expect(res.body.plans).toHaveLength(4);
  });

  it('refuses a file over 1 MB with 413, and only admins may import', async () => {
    const before = await snapshot();
    const huge = ORIGINAL.replace('</plans>', `<!--${'x'.repeat(1024 * 1024)}--></plans>`);
    const res = await importXml(huge).expect(413);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
    await app
      .signed('post', IMPORT, { format: 'hsphere-xml', content: ORIGINAL }, { actor: 'customer:42' })
      .expect(403);
    await app
      .signed('post', IMPORT, { format: 'hsphere-xml', content: ORIGINAL }, { actor: 'support:bob' })
      .expect(403);
    expect(await snapshot()).toEqual(before);
  });
});
