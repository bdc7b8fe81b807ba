import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { BACKENDS, freshDatabaseUrl, type Backend } from '../../support/backends';
import { TestApp, testEnv } from '../../support/app';

const PLANS = '/plugin/v1/admin/mailing-plans';
const IMPORT = `${PLANS}/import`;
const EXPORT = `${PLANS}/export?format=hsphere-xml`;
const AUDIT = '/plugin/v1/admin/audit';

const OUTLOOK = readFileSync(join(process.cwd(), 'test/fixtures/hsphere-mailing-plans-outlook.xml'), 'utf8');
const KEPT = 'not mapped; kept on the plan as imported';

type Feature = Record<string, string>;
type ExportedPlan = { '@_type': string; planName: string; planDescription: string; features: Feature[] };
type Plan = Record<string, unknown> & { id: string; name: string };

/** The exported file read back as plain data: each plan's features as element → text. */
function readExport(xml: string): ExportedPlan[] {
  const parser = new XMLParser({
    ignoreAttributes: false,
    parseTagValue: false,
    isArray: (name) => ['plan', 'feature'].includes(name),
  });
  const document = parser.parse(xml) as {
    plans: { plan: (Omit<ExportedPlan, 'features'> & { planFeatures: { feature: Feature[] } })[] };
  };
  return document.plans.plan.map(({ planFeatures, ...plan }) => ({
    ...plan,
    features: planFeatures.feature,
  }));
}

const startApp = async (backend: Backend) =>
  TestApp.start(testEnv({ DATABASE_URL: await freshDatabaseUrl(backend) }));

/** Real H-Sphere files with features we do not map import whole; the catalogue exports back and re-imports. */
describe.each(BACKENDS)('mailing-plan H-Sphere features and export (%s)', (backend) => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startApp(backend);
  });
  afterAll(() => app.close());

  const catalogue = async (on: TestApp = app): Promise<Plan[]> =>
    (await on.signed('get', PLANS).expect(200)).body as Plan[];
  const plan = async (name: string) => (await catalogue()).find((p) => p.name === name)!;
  const importXml = (content: string, on: TestApp = app) =>
    on.signed('post', IMPORT, { format: 'hsphere-xml', content });
  const snapshot = async () => ({
    plans: (await app.signed('get', `${PLANS}?includeArchived=true`).expect(200)).body,
    audit: (await app.signed('get', `${AUDIT}?limit=200`).expect(200)).body,
  });

  it('imports a real H-Sphere file whole: OutlookClient is Outlook access, unknown features kept and warned about', async () => {
    const res = await importXml(OUTLOOK).expect(200);
    expect(res.body).toMatchObject({ created: 1, updated: 1, unchanged: 0 });
    expect(res.body.warnings).toEqual([
      { plan: 'GoldMail', feature: 'OMA', message: KEPT },
      { plan: 'ExchangeStandard', feature: 'ProhibitSendQuota', message: KEPT },
      { plan: 'ExchangeStandard', feature: 'Antivirus', message: KEPT },
    ]);

    expect(await plan('GoldMail')).toMatchObject({
      mapi: true,
      description: 'Gold mailbox: 1 GB, POP3, IMAP4, Outlook Web Access and Outlook',
      extraFeatures: [
        {
          name: 'OMA',
          description: 'OMA Wireless Access Settings (2 - no OMA browsing, 4 - no ActiveSync)',
          value: '2',
          unit: '',
          nativeAttribute: 'msExchOmaAdminWirelessEnable',
          parentNode: 'properties',
        },
      ],
    });
    const standard = await plan('ExchangeStandard');
    expect(standard).toMatchObject({
      mailboxSizeMb: 2048,
      mapi: false,
      maxRecipients: 250,
      description: 'Standard Exchange mailbox, 2 GB & no Outlook',
    });
    expect(standard.extraFeatures).toEqual([
      {
        name: 'ProhibitSendQuota',
        description: 'Prohibit send at (storage quota)',
        value: '1900000',
        unit: 'kb',
        nativeAttribute: 'mDBOverQuotaLimit',
        parentNode: 'properties',
      },
      { name: 'Antivirus', description: 'Virus scanning & quarantine <Forefront>', value: '1' },
    ]);
    expect((await app.signed('get', `${PLANS}/${standard.id}`).expect(200)).body).toEqual(standard);

    const audit = (await app.signed('get', `${AUDIT}?targetType=mailing-plan`).expect(200)).body as {
      targetId: string;
      after: Record<string, unknown>;
    }[];
    const gold = await plan('GoldMail');
    expect(audit.find((e) => e.targetId === gold.id)?.after).toMatchObject({
      mapi: true,
      extraFeatures: [expect.objectContaining({ name: 'OMA', value: '2' })],
    });
  });

  it('re-importing the same file changes nothing and warns again', async () => {
    const before = await snapshot();
    const res = await importXml(OUTLOOK).expect(200);
    expect(res.body).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(res.body.warnings).toHaveLength(3);
    expect(await snapshot()).toEqual(before);
  });

  it('still refuses the whole file for a mapped feature with a bad value, or an unsafe unknown feature', async () => {
    const before = await snapshot();
    const legacy = OUTLOOK.replace(
      '<featureValue>1</featureValue>\n        <unitDescription></unitDescription>\n        <nativeAttribute>protocolSettings',
      '<featureValue>Legacy</featureValue>\n        <unitDescription></unitDescription>\n        <nativeAttribute>protocolSettings',
    );
    const res = await importXml(legacy).expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.errors).toEqual([
      {
        field: 'plans[1].features.OutlookClient',
        rule: 'enabledFlag',
        message:
          'plan "ExchangeStandard": feature OutlookClient: "Legacy" must be 0 (enabled) or 1 (disabled)',
      },
    ]);

    // A tab written as a character reference: the file itself is clean, the kept value would not be.
    const tab = OUTLOOK.replace('<featureValue>2</featureValue>', '<featureValue>2&#9;</featureValue>');
    const res2 = await importXml(tab).expect(400);
    expect(res2.body.errors).toEqual([
      expect.objectContaining({ field: 'plans[0].features.OMA', rule: 'noControlCharacters' }),
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it("exports the catalogue as H-Sphere's file: mapped features with H-Sphere's names, kept ones as they came", async () => {
    const res = await app.signed('get', EXPORT).expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/xml/);
    expect(res.text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<plans>/);
    const exported = readExport(res.text);
    expect(exported.map((p) => [p['@_type'], p.planName])).toEqual([
      ['base_mail', 'BaseMail'],
      ['exchange_standard', 'ExchangeStandard'],
      ['gold_mail', 'GoldMail'],
      ['platinum_mail', 'PlatinumMail'],
      ['platinum_plus_mail', 'PlatinumPlusMail'],
    ]);
    const gold = exported.find((p) => p.planName === 'GoldMail')!;
    const byName = (name: string) => gold.features.find((f) => f.featureName === name);
    expect(byName('MailboxSize')).toEqual({
      featureName: 'MailboxSize',
      featureDescription: 'Mailbox size',
      featureValue: '1048576',
      unitDescription: 'kb',
      nativeAttribute: 'size',
      parentNode: 'mail',
    });
    expect(byName('OutlookClient')).toMatchObject({ featureValue: '0', nativeAttribute: 'protocolSettings' });
    expect(byName('IMAP')).toMatchObject({ featureValue: '0', nativeAttribute: 'disableIMAP' });
    expect(byName('MAPI')).toBeUndefined();
    expect(byName('OMA')).toEqual({
      featureName: 'OMA',
      featureDescription: 'OMA Wireless Access Settings (2 - no OMA browsing, 4 - no ActiveSync)',
      featureValue: '2',
      unitDescription: '',
      nativeAttribute: 'msExchOmaAdminWirelessEnable',
      parentNode: 'properties',
    });
    const standard = exported.find((p) => p.planName === 'ExchangeStandard')!;
    expect(standard.planDescription).toBe('Standard Exchange mailbox, 2 GB & no Outlook');
    expect(standard.features.slice(-1)).toEqual([
      {
        featureName: 'Antivirus',
        featureDescription: 'Virus scanning & quarantine <Forefront>',
        featureValue: '1',
      },
    ]);
    expect(res.text).toContain(
      '<featureDescription>Virus scanning &amp; quarantine &lt;Forefront&gt;</featureDescription>',
    );
  });

  it('export → import on a fresh database gives the same catalogue', async () => {
    const archived = await app
      .signed('post', PLANS, { name: 'RetiredMail', mailboxSizeMb: 100, hiddenFromAddressBook: true })
      .expect(201);
    await app.signed('post', `${PLANS}/${archived.body.id}/archive`).expect(200);
    await app
      .signed('post', PLANS, {
        name: 'Quota Mail',
        description: 'quotas "tight" & <odd>',
        mailboxSizeMb: 3000,
        issueWarningPercent: 70,
        prohibitSendPercent: 80,
        prohibitSendReceivePercent: 85,
        hiddenFromAddressBook: true,
        owaSegmentation: 0x250f,
        maxSendSizeKb: 1,
        activeSync: true,
      })
      .expect(201);
    const exported = (await app.signed('get', EXPORT).expect(200)).text;
    expect(exported).not.toContain('RetiredMail');

    const fresh = await startApp(backend);
    try {
      const res = await importXml(exported, fresh).expect(200);
      expect(res.body.warnings).toHaveLength(3);
      const comparable = (plans: Plan[]) =>
        plans.map(({ id: _, createdAt: __, updatedAt: ___, ...values }) => values);
      expect(comparable(await catalogue(fresh))).toEqual(comparable(await catalogue()));
      expect((await fresh.signed('get', EXPORT).expect(200)).text).toBe(exported);
    } finally {
      await fresh.close();
    }
  });

  it('exports archived plans only when asked, refuses other formats, and only for admins', async () => {
    const all = readExport((await app.signed('get', `${EXPORT}&includeArchived=true`).expect(200)).text);
    expect(all.map((p) => p.planName)).toContain('RetiredMail');
    const retired = all.find((p) => p.planName === 'RetiredMail')!;
    expect(retired.features.find((f) => f.featureName === 'HiddenFromAddressBook')?.featureValue).toBe('1');

    for (const query of ['', '?format=csv', '?format=hsphere-xml&includeArchived=maybe']) {
      const res = await app.signed('get', `${PLANS}/export${query}`).expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
    const bad = await app.signed('get', `${PLANS}/export?format=csv`).expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'format', rule: 'isIn' })]);
    await app.signed('get', EXPORT, undefined, { actor: 'support:bob' }).expect(403);
    await app.signed('get', EXPORT, undefined, { actor: 'customer:42' }).expect(403);
  });

  it('describes the mapped features in the OpenAPI description of the import', async () => {
    const docs = (await app.http.get('/docs-json').expect(200)).body as {
      paths: Record<string, { post?: { description?: string }; get?: { produces?: unknown } }>;
    };
    const description = docs.paths[IMPORT].post!.description!;
    expect(description).toContain(
      '| OutlookClient | MAPI | `mapi` | Outlook (MAPI) access | – | 0 = enabled, 1 = disabled |',
    );
    expect(description).toContain('| MaxRecipients | RecipientLimits | `maxRecipients` |');
    expect(docs.paths[`${PLANS}/export`]).toBeDefined();
  });
});
