import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '../../../src/modules/shared/errors/domain.error';
import { readImportRequest } from '../../../src/modules/plan/mailing-plan/import/import-request';

const fixture = (name: string) => readFileSync(join(process.cwd(), 'test/fixtures', name), 'utf8');

const failureOf = async (input: unknown): Promise<DomainError> => {
  const error = await readImportRequest(input).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
};
const rules = (error: DomainError) => error.errors.map((e) => `${e.field} ${e.rule}`);

describe('reading a mailing-plan import request', () => {
  it('reads an H-Sphere file into plans with only the values it gives', async () => {
    const request = await readImportRequest({
      format: 'hsphere-xml',
      content: fixture('hsphere-mailing-plans.xml'),
    });
    expect(request.confirmShrink).toBe(false);
    expect(request.plans.map((p) => p.name)).toEqual([
      'BaseMail',
      'GoldMail',
      'PlatinumMail',
      'PlatinumPlusMail',
    ]);
    expect(request.plans[1]).toMatchObject({
      index: 1,
      label: 'plan "GoldMail"',
      values: { name: 'GoldMail', mailboxSizeMb: 1024, pop: true, imap: true, owa: true },
    });
    expect(request.plans[1].values).not.toHaveProperty('maxRecipients');
  });

  it('reads JSON plans by field name, with confirmShrink', async () => {
    const request = await readImportRequest({
      format: 'json',
      confirmShrink: true,
      plans: [{ name: 'SilverMail', mailboxSizeMb: 512, activeSync: true }, { name: 'BaseMail' }],
    });
    expect(request.confirmShrink).toBe(true);
    expect(request.plans.map((p) => p.values)).toEqual([
      { name: 'SilverMail', mailboxSizeMb: 512, activeSync: true },
      { name: 'BaseMail' },
    ]);
  });

  it('names the plan and the field of every invalid JSON value', async () => {
    const error = await failureOf({
      format: 'json',
      plans: [
        { name: 'Good' },
        { name: 'Bad/Name', mailboxSizeMb: 0, pop: 'yes', colour: 'red' },
        'not a plan',
        { name: 'GOOD' },
        null,
      ],
    });
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(rules(error).sort()).toEqual([
      'plans[1].colour whitelistValidation',
      'plans[1].mailboxSizeMb min',
      'plans[1].name matches',
      'plans[1].pop isBoolean',
      'plans[2] isObject',
      'plans[3].name unique',
      'plans[4] isObject',
    ]);
    expect(error.errors.find((e) => e.field === 'plans[1].mailboxSizeMb')?.message).toBe(
      'plan "Bad/Name": mailboxSizeMb must not be less than 1',
    );
  });

  it('maps range errors of H-Sphere values back to the feature', async () => {
    const content = fixture('hsphere-mailing-plans.xml')
      .replace('<featureValue>1048576</featureValue>', '<featureValue>0</featureValue>')
      .replace('<planName>PlatinumMail</planName>', '<planName>goldmail</planName>');
    const error = await failureOf({ format: 'hsphere-xml', content });
    expect(rules(error)).toEqual(['plans[1].features.MailboxSize min', 'plans[2].planName unique']);
    expect(error.errors[0].message).toBe('plan "GoldMail": mailboxSizeMb must not be less than 1');
  });

  it('refuses a body that mixes the formats or misses its data', async () => {
    expect(rules(await failureOf({ format: 'json', content: '<plans/>', plans: [{ name: 'A' }] }))).toEqual([
      'content format',
    ]);
    expect(rules(await failureOf({ format: 'hsphere-xml' }))).toEqual(['content isString']);
    expect(rules(await failureOf({ format: 'json', plans: [] }))).toEqual(['plans arrayMinSize']);
    expect(rules(await failureOf({ format: 'csv' }))).toEqual(['format isIn']);
    const tooMany = Array.from({ length: 201 }, (_, i) => ({ name: `P${i}` }));
    expect(rules(await failureOf({ format: 'json', plans: tooMany }))).toEqual(['plans arrayMaxSize']);
  });

  it('refuses a file over 1 MB as PAYLOAD_TOO_LARGE, before parsing it', async () => {
    const content = `<plans>${' '.repeat(1024 * 1024)}</plans>`;
    const error = await failureOf({ format: 'hsphere-xml', content });
    expect(error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(rules(error)).toEqual(['content maxBytes']);
    const justUnder = `<plans><plan><planName>A</planName></plan>${' '.repeat(1024 * 1024 - 60)}</plans>`;
    expect((await readImportRequest({ format: 'hsphere-xml', content: justUnder })).plans).toHaveLength(1);
  });
});
