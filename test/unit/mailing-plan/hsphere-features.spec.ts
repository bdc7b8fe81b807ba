import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  readFeature,
  writeFeature,
} from '../../../src/modules/plan/mailing-plan/import/hsphere-feature-values';
import { hsphereFeaturesTable } from '../../../src/modules/plan/mailing-plan/import/hsphere-features.doc';
import {
  featureNamed,
  HSPHERE_FEATURES,
} from '../../../src/modules/plan/mailing-plan/import/hsphere-features';
import {
  MAILING_PLAN_DEFAULTS,
  MAILING_PLAN_FIELDS,
  MAILING_PLAN_LIMITS,
  type MailingPlanValues,
} from '../../../src/modules/plan/mailing-plan/mailing-plan';

const plan = (values: Partial<MailingPlanValues>): MailingPlanValues => ({
  ...MAILING_PLAN_DEFAULTS,
  name: 'GoldMail',
  ...values,
});

/** The values the features carry: all but name and description. */
const mapped = (values: MailingPlanValues) =>
  Object.fromEntries(HSPHERE_FEATURES.map((feature) => [feature.field, values[feature.field]]));

/** Writes every mapped value of `values` as the export does and reads it back as the import does. */
const roundTrip = (values: MailingPlanValues) =>
  Object.fromEntries(
    HSPHERE_FEATURES.map((feature) => {
      const read = readFeature(feature, writeFeature(feature, values), feature.unit);
      if ('error' in read) throw new Error(`${feature.name}: ${read.error}`);
      return [feature.field, read.value];
    }),
  );

describe('the H-Sphere feature table', () => {
  it('maps every plan value but name and description exactly once, so an export loses nothing', () => {
    const fields = HSPHERE_FEATURES.map((feature) => feature.field);
    expect(new Set(fields).size).toBe(fields.length);
    expect([...fields].sort()).toEqual(
      MAILING_PLAN_FIELDS.filter((field) => field !== 'name' && field !== 'description').sort(),
    );
  });

  it('reads back every value it writes, at the defaults and at the limits', () => {
    expect(roundTrip(plan({}))).toEqual(mapped(plan({})));
    expect(Object.keys(mapped(plan({})))).toHaveLength(MAILING_PLAN_FIELDS.length - 2);
    const extremes = plan({
      mailboxSizeMb: MAILING_PLAN_LIMITS.mailboxSizeMb,
      pop: false,
      imap: false,
      owa: false,
      activeSync: true,
      mapi: true,
      owaSegmentation: MAILING_PLAN_LIMITS.owaSegmentation,
      maxSendSizeKb: MAILING_PLAN_LIMITS.messageSizeKb,
      maxReceiveSizeKb: 1,
      maxRecipients: MAILING_PLAN_LIMITS.maxRecipients,
      issueWarningPercent: 1,
      prohibitSendPercent: 2,
      prohibitSendReceivePercent: 3,
      hiddenFromAddressBook: true,
    });
    expect(roundTrip(extremes)).toEqual(mapped(extremes));
  });

  it("writes H-Sphere's conventions: sizes in KB, 0 = enabled for access flags", () => {
    const write = (name: string, values: Partial<MailingPlanValues>) =>
      writeFeature(featureNamed(name)!, plan(values));
    expect(write('MailboxSize', { mailboxSizeMb: 250 })).toBe('256000');
    expect(write('OutlookClient', { mapi: true })).toBe('0');
    expect(write('OutlookClient', { mapi: false })).toBe('1');
    expect(write('POP', { pop: false })).toBe('1');
    expect(write('HiddenFromAddressBook', { hiddenFromAddressBook: true })).toBe('1');
    expect(write('MaxSendSize', { maxSendSizeKb: 51200 })).toBe('51200');
  });

  it('finds features by name or other name regardless of case; every name is unique', () => {
    expect(featureNamed('outlookclient')?.field).toBe('mapi');
    expect(featureNamed('MAPI')?.field).toBe('mapi');
    expect(featureNamed('recipientlimits')?.field).toBe('maxRecipients');
    expect(featureNamed('ProhibitSendQuota')).toBeUndefined();
    expect(featureNamed('OMA')).toBeUndefined();
    const names = HSPHERE_FEATURES.flatMap((f) => [f.name, ...f.aliases]).map((n) => n.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
  });

  it('rounds sizes given in bytes up to whole KB and MB', () => {
    const size = (name: string, value: string, unit: string) => readFeature(featureNamed(name)!, value, unit);
    expect(size('MaxSendSize', '1025', 'b')).toEqual({ value: 2 });
    expect(size('MailboxSize', '1048577', 'B')).toEqual({ value: 2 });
    expect(size('MaxSendSize', '1', 'tb')).toMatchObject({ rule: 'unit' });
  });

  it('is the table README.md shows, one row per feature', () => {
    const table = hsphereFeaturesTable();
    expect(table.split('\n')).toHaveLength(HSPHERE_FEATURES.length + 2);
    expect(table).toContain(
      '| OutlookClient | MAPI | `mapi` | Outlook (MAPI) access | – | 0 = enabled, 1 = disabled |',
    );
    expect(readFileSync(join(process.cwd(), 'README.md'), 'utf8')).toContain(table);
  });
});
