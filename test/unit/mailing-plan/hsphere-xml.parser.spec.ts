import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError, type FieldError } from '../../../src/modules/shared/errors/domain.error';
import { parseHsphereXml } from '../../../src/modules/plan/mailing-plan/import/hsphere-xml.parser';

const fixture = (name: string) => readFileSync(join(process.cwd(), 'test/fixtures', name), 'utf8');

const feature = (name: string, value: string, unit = '') =>
  `<feature><featureName>${name}</featureName><featureValue>${value}</featureValue><unitDescription>${unit}</unitDescription></feature>`;
const plan = (name: string, features: string[] = [], extra = '') =>
  `<plan type="x"><planName>${name}</planName>${extra}<planFeatures>${features.join('')}</planFeatures></plan>`;
const plans = (...items: string[]) => `<plans>${items.join('')}</plans>`;

/** What a refused document is told: the error thrown, or the errors returned with the plans that read cleanly. */
const refusal = (content: string): { errors: FieldError[] } => {
  try {
    const { errors } = parseHsphereXml(content);
    expect(errors.length).toBeGreaterThan(0);
    return { errors };
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('VALIDATION_FAILED');
    return error as DomainError;
  }
};

describe('H-Sphere mailing-plan XML', () => {
  it('reads the four classic plans of an H-Sphere export, converting KB to MB and 0/1 to enabled/disabled', () => {
    const { candidates, errors } = parseHsphereXml(fixture('hsphere-mailing-plans.xml'));
    expect(errors).toEqual([]);
    expect(candidates.map((c) => c.raw.name)).toEqual([
      'BaseMail',
      'GoldMail',
      'PlatinumMail',
      'PlatinumPlusMail',
    ]);
    expect(candidates[0]).toEqual({
      index: 0,
      raw: {
        name: 'BaseMail',
        description: 'Basic mailbox, 250 MB: POP3, IMAP4 and Outlook Web Access (mail, calendar & contacts)',
        mailboxSizeMb: 250,
        pop: true,
        imap: true,
        owa: true,
        owaSegmentation: 9487,
      },
      sources: {
        name: 'plans[0].planName',
        description: 'plans[0].planDescription',
        mailboxSizeMb: 'plans[0].features.MailboxSize',
        pop: 'plans[0].features.POP',
        imap: 'plans[0].features.IMAP',
        owa: 'plans[0].features.OWA',
        owaSegmentation: 'plans[0].features.OwaSegment',
      },
      extraFeatures: [],
    });
    expect(candidates[3].raw).toMatchObject({
      mailboxSizeMb: 5120,
      activeSync: true,
      mapi: true,
      owaSegmentation: 0xffffffff,
    });
  });

  it('reads the optional features, size units and disabled flags', () => {
    const { candidates } = parseHsphereXml(fixture('hsphere-mailing-plans-changed.xml'));
    expect(candidates[0].raw.imap).toBe(false);
    expect(candidates[4].raw).toMatchObject({
      name: 'DiamondMail',
      mailboxSizeMb: 10240,
      maxSendSizeKb: 51200,
      maxReceiveSizeKb: 51200,
      maxRecipients: 5000,
    });
    const { candidates: sized } = parseHsphereXml(
      plans(
        plan('A', [feature('mailboxsize', '20000', 'kb')]),
        plan('B', [feature('MailboxSize', '2', 'GB'), feature('OwaSegment', '0x250F')]),
        plan('C', [feature('MailboxSize', '1')]),
      ),
    );
    expect(sized.map((c) => c.raw.mailboxSizeMb)).toEqual([20, 2048, 1]);
    expect(sized[1].raw.owaSegmentation).toBe(0x250f);
  });

  it('maps OutlookClient to Outlook (MAPI) access, and reads MAPI and RecipientLimits as other names', () => {
    const { candidates, errors } = parseHsphereXml(
      plans(
        plan('A', [feature('OutlookClient', '0'), feature('RecipientLimits', '250')]),
        plan('B', [feature('outlookclient', '1'), feature('MaxSendSize', '2097152', 'b')]),
        plan('C', [feature('MAPI', '0')]),
      ),
    );
    expect(errors).toEqual([]);
    expect(candidates.map((c) => c.raw)).toEqual([
      { name: 'A', mapi: true, maxRecipients: 250 },
      { name: 'B', mapi: false, maxSendSizeKb: 2048 },
      { name: 'C', mapi: true },
    ]);
    expect(candidates[0].sources).toMatchObject({
      mapi: 'plans[0].features.OutlookClient',
      maxRecipients: 'plans[0].features.MaxRecipients',
    });
  });

  it('refuses a mapped feature with a bad value, and the same value given under two names', () => {
    const error = refusal(
      plans(
        plan('GoldMail', [feature('OutlookClient', 'Legacy')]),
        plan('Other', [feature('OutlookClient', '0'), feature('MAPI', '1')]),
      ),
    );
    expect(error.errors).toEqual([
      {
        field: 'plans[0].features.OutlookClient',
        rule: 'enabledFlag',
        message: 'plan "GoldMail": feature OutlookClient: "Legacy" must be 0 (enabled) or 1 (disabled)',
      },
      expect.objectContaining({ field: 'plans[1].features.OutlookClient', rule: 'single' }),
    ]);
  });

  it('keeps a feature that maps to no value exactly as it came: the elements it had, empty ones included', () => {
    const antivirus =
      '<feature><featureName>Antivirus</featureName><featureDescription>Virus scan &amp; quarantine</featureDescription>' +
      '<featureValue>1</featureValue><unitDescription></unitDescription><nativeAttribute>scan</nativeAttribute>' +
      '<parentNode>properties</parentNode></feature>';
    const { candidates, errors } = parseHsphereXml(
      plans(
        plan('GoldMail', [
          feature('MailboxSize', '1024', 'mb'),
          antivirus,
          '<feature><featureName>OMA</featureName></feature>',
        ]),
      ),
    );
    expect(errors).toEqual([]);
    expect(candidates[0].raw).toEqual({ name: 'GoldMail', mailboxSizeMb: 1024 });
    expect(candidates[0].extraFeatures).toEqual([
      {
        name: 'Antivirus',
        description: 'Virus scan & quarantine',
        value: '1',
        unit: '',
        nativeAttribute: 'scan',
        parentNode: 'properties',
      },
      { name: 'OMA' },
    ]);
  });

  it('refuses kept features with control characters, too long values, twice the same name, or more than 20', () => {
    const kept = (name: string, value: string, description = '') =>
      `<feature><featureName>${name}</featureName><featureDescription>${description}</featureDescription><featureValue>${value}</featureValue></feature>`;
    const { errors } = parseHsphereXml(
      plans(
        plan('A', [
          kept('Nul', '&#9;'),
          kept('Break', '1', 'two\nlines'),
          kept('Long', 'x'.repeat(256)),
          kept('Twice', '1'),
          kept('twice', '2'),
          kept('y'.repeat(65), '1'),
        ]),
        plan(
          'B',
          Array.from({ length: 21 }, (_, i) => kept(`Extra${i}`, '1')),
        ),
      ),
    );
    expect(errors.map((e) => `${e.field} ${e.rule}`)).toEqual([
      'plans[0].features.Nul noControlCharacters',
      'plans[0].features.Break noControlCharacters',
      'plans[0].features.Long maxLength',
      'plans[0].features.twice single',
      'plans[0].features[5].featureName maxLength',
      'plans[1].features arrayMaxSize',
    ]);
    expect(errors[0].message).toBe(
      'plan "A": feature "Nul": <featureValue> must not contain control characters: found U+0009',
    );
    expect(errors[2].message).toBe('plan "A": feature "Long": <featureValue> is 256 characters; at most 255');
    expect(errors[5].message).toMatch(/^plan "B": 21 features map to no plan value; at most 20/);
    expect(refusal(plans(plan('A', [kept('Nul', '&#0;')]))).errors[0].rule).toBe('entity');
    const raw = parseHsphereXml(plans(plan('A', [kept('Raw', 'a\u0000b'), kept('Half', 'a\ud800b')]))).errors;
    expect(raw.map((e) => `${e.field} ${e.rule}`)).toEqual([
      'plans[0].features.Raw noControlCharacters',
      'plans[0].features.Half wellFormedUnicode',
    ]);
  });

  it('collects every bad value of every plan, each naming plan and feature', () => {
    const { candidates, errors } = parseHsphereXml(
      plans(
        plan('BaseMail', [feature('POP', 'yes'), feature('MailboxSize', '20 MB')]),
        plan('GoldMail', [feature('MailboxSize', '1', 'TB'), feature('IMAP', '0'), feature('IMAP', '1')]),
        plan('Fine', [feature('OWA', '1')]),
      ),
    );
    expect(errors.map((e) => `${e.field} ${e.rule}`)).toEqual([
      'plans[0].features.POP enabledFlag',
      'plans[0].features.MailboxSize isInt',
      'plans[1].features.MailboxSize unit',
      'plans[1].features.IMAP single',
    ]);
    expect(errors[0].message).toBe('plan "BaseMail": feature POP: "yes" must be 0 (enabled) or 1 (disabled)');
    expect(candidates.map((c) => c.raw.name)).toEqual(['Fine']);
    expect(candidates[0].raw.owa).toBe(false);
  });

  it('refuses DOCTYPE and ENTITY declarations before parsing: XXE and entity expansion', () => {
    const xxe = `<?xml version="1.0"?>\n<!DOCTYPE plans [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n${plans(plan('&x;'))}`;
    expect(refusal(xxe).errors).toEqual([
      { field: 'content', rule: 'noDoctype', message: expect.stringMatching(/^line 2: <!DOCTYPE/) },
    ]);
    const laughs = [
      '<?xml version="1.0"?>',
      '<!DOCTYPE lolz [',
      ' <!ENTITY lol "lol">',
      ...Array.from({ length: 9 }, (_, i) => ` <!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`),
      ']>',
      '<plans><plan><planName>&lol9;</planName></plan></plans>',
    ].join('\n');
    expect(refusal(laughs).errors[0].rule).toBe('noDoctype');
    expect(refusal(`<plans><!ENTITY y "z"></plans>`).errors[0].rule).toBe('noDoctype');
    expect(refusal(`<!doctype plans><plans/>`).errors[0].rule).toBe('noDoctype');
  });

  it('refuses entity references other than the five predefined ones and character references', () => {
    const error = refusal(plans(plan('GoldMail', [], '<planDescription>see &company;</planDescription>')));
    expect(error.errors).toEqual([
      expect.objectContaining({ field: 'plans[0].planDescription', rule: 'entity' }),
    ]);
    const { candidates } = parseHsphereXml(
      plans(plan('Gold', [], '<planDescription>&lt;1 GB&gt; &quot;&apos; &#65;&#x42;</planDescription>')),
    );
    expect(candidates[0].raw.description).toBe(`<1 GB> "' AB`);
    for (const ref of ['&#0;', '&#xD800;', '&constructor;', '&toString;']) {
      const description = `<planDescription>${ref}</planDescription>`;
      expect(refusal(plans(plan('Gold', [], description))).errors[0].rule).toBe('entity');
    }
  });

  it('names the line and column of malformed XML', () => {
    const broken = fixture('hsphere-mailing-plans.xml').replace('</planName>', '</planname>');
    const error = refusal(broken);
    expect(error.errors).toEqual([
      {
        field: 'content',
        rule: 'wellFormedXml',
        message: expect.stringMatching(/^line 5, column \d+: .*planName/),
      },
    ]);
    expect(refusal('').errors[0].rule).toBe('wellFormedXml');
    expect(refusal('not xml').errors[0].rule).toBe('wellFormedXml');
  });

  it('refuses a document that is not one <plans> of <plan> elements', () => {
    expect(refusal('<mailPlans><plan/></mailPlans>').errors[0]).toMatchObject({ rule: 'rootElement' });
    expect(refusal('<plans/><plans/>').errors[0]).toMatchObject({ rule: 'rootElement' });
    expect(refusal('<plans></plans>').errors[0]).toMatchObject({ field: 'plans', rule: 'arrayMinSize' });
    expect(refusal(plans(plan('A'), '<template/>')).errors[0]).toMatchObject({
      field: 'plans.template',
      rule: 'knownElement',
    });
    expect(
      refusal(plans(`<plan>${feature('POP', '0')}</plan>`)).errors.map((e) => `${e.field} ${e.rule}`),
    ).toEqual(['plans[0].planName required', 'plans[0].feature knownElement']);
    expect(refusal(plans(plan('A', [], '<planName>B</planName>'))).errors[0]).toMatchObject({
      field: 'plans[0].planName',
      rule: 'single',
    });
    expect(
      refusal(plans(plan('A', ['<feature><featureValue>1</featureValue></feature>']))).errors[0],
    ).toMatchObject({
      field: 'plans[0].features[0].featureName',
      rule: 'required',
    });
    expect(
      refusal(plans(plan('A', ['<feature><featureName>POP</featureName></feature>']))).errors[0],
    ).toMatchObject({
      field: 'plans[0].features.POP',
      rule: 'required',
    });
  });

  it('refuses more than 200 plans', () => {
    const many = plans(...Array.from({ length: 201 }, (_, i) => plan(`Plan${i}`)));
    expect(refusal(many).errors[0]).toMatchObject({ field: 'plans', rule: 'arrayMaxSize' });
    expect(
      parseHsphereXml(plans(...Array.from({ length: 200 }, (_, i) => plan(`Plan${i}`)))).candidates,
    ).toHaveLength(200);
  });
});
