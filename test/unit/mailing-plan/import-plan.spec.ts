import type { ImportedPlan } from '../../../src/modules/plan/mailing-plan/import/imported-plan';
import { planImport } from '../../../src/modules/plan/mailing-plan/import/import-plan';
import {
  crossFieldErrors,
  MAILING_PLAN_DEFAULTS,
  MAILING_PLAN_NAME_PATTERN,
  nameKeyOf,
} from '../../../src/modules/plan/mailing-plan/mailing-plan';
import { MailingPlan } from '../../../src/modules/plan/mailing-plan/mailing-plan.entity';

const stored = (name: string, overrides: Partial<MailingPlan> = {}): MailingPlan =>
  Object.assign(new MailingPlan(), {
    ...MAILING_PLAN_DEFAULTS,
    id: `id-${name}`,
    name,
    nameKey: nameKeyOf(name),
    isDefault: false,
    archived: false,
    createdAt: new Date(0),
    updatedAt: new Date(0),
    ...overrides,
  });

const imported = (
  index: number,
  values: ImportedPlan['values'],
  sources: ImportedPlan['sources'] = {},
  extraFeatures: ImportedPlan['extraFeatures'] = [],
): ImportedPlan => ({
  index,
  name: values.name,
  label: `plan "${values.name}"`,
  values,
  sources,
  extraFeatures,
});

describe('planning a mailing-plan import', () => {
  const catalogue = [stored('BaseMail', { isDefault: true }), stored('GoldMail', { mailboxSizeMb: 1024 })];

  it('creates new plans with defaults, updates only the values given, leaves equal plans unchanged', () => {
    const { steps, errors, shrinks } = planImport(
      [
        imported(0, { name: 'basemail' }),
        imported(1, { name: 'GoldMail', mailboxSizeMb: 2048, pop: true, imap: false }),
        imported(2, { name: 'DiamondMail', mapi: true }),
        imported(3, { name: 'BaseMail', mailboxSizeMb: MAILING_PLAN_DEFAULTS.mailboxSizeMb }),
      ],
      catalogue,
    );
    expect(errors).toEqual([]);
    expect(shrinks).toEqual([]);
    expect(steps.map((s) => s.kind)).toEqual(['update', 'update', 'create', 'unchanged']);
    expect(steps[0]).toMatchObject({ changed: ['name'], after: { name: 'basemail' } });
    expect(steps[1]).toMatchObject({ changed: ['mailboxSizeMb', 'imap'] });
    expect(steps[2]).toMatchObject({ after: { ...MAILING_PLAN_DEFAULTS, name: 'DiamondMail', mapi: true } });
  });

  it('lists every shrinking plan, naming where its size came from', () => {
    const { steps, shrinks } = planImport(
      [
        imported(
          0,
          { name: 'GoldMail', mailboxSizeMb: 500 },
          { mailboxSizeMb: 'plans[0].features.MailboxSize' },
        ),
      ],
      catalogue,
    );
    expect(steps[0].kind).toBe('update');
    expect(shrinks).toEqual([
      {
        field: 'plans[0].features.MailboxSize',
        rule: 'confirmShrink',
        message: 'plan "GoldMail": the mailbox size would shrink from 1024 MB to 500 MB',
      },
    ]);
  });

  it('checks the merged values against the rules that span fields', () => {
    const withQuotas = [stored('GoldMail', { prohibitSendPercent: 80, issueWarningPercent: 70 })];
    const { errors } = planImport([imported(4, { name: 'GoldMail', issueWarningPercent: 85 })], withQuotas);
    expect(errors).toEqual([
      {
        field: 'plans[4].issueWarningPercent',
        rule: 'notAboveProhibitSend',
        message: 'plan "GoldMail": issueWarningPercent (85) must not exceed prohibitSendPercent (80)',
      },
    ]);
  });

  it("keeps unmapped features: the file's replace those of the same name, the others stay", () => {
    const gold = stored('GoldMail', {
      extraFeatures: [
        { name: 'Antivirus', value: '1' },
        { name: 'OMA', value: '2', unit: '' },
      ],
    });
    const { steps, errors } = planImport(
      [
        imported(0, { name: 'GoldMail' }, {}, [
          { name: 'antivirus', value: '0' },
          { name: 'Spam', value: '1' },
        ]),
        imported(1, { name: 'NewMail' }, {}, [{ name: 'Spam', value: '1' }]),
      ],
      [gold],
    );
    expect(errors).toEqual([]);
    expect(steps[0]).toMatchObject({
      kind: 'update',
      changed: ['extraFeatures'],
      extraFeatures: [
        { name: 'antivirus', value: '0' },
        { name: 'OMA', value: '2', unit: '' },
        { name: 'Spam', value: '1' },
      ],
    });
    expect(steps[1]).toMatchObject({ kind: 'create', extraFeatures: [{ name: 'Spam', value: '1' }] });

    const again = planImport(
      [imported(0, { name: 'GoldMail' }, {}, [{ name: 'OMA', value: '2', unit: '' }])],
      [gold],
    );
    expect(again.steps[0].kind).toBe('unchanged');
    const emptied = planImport(
      [imported(0, { name: 'GoldMail' }, {}, [{ name: 'OMA', value: '2' }])],
      [gold],
    );
    expect(emptied.steps[0]).toMatchObject({ kind: 'update', changed: ['extraFeatures'] });
  });

  it('refuses a plan that would keep more than 20 unmapped features', () => {
    const many = (from: number, count: number) =>
      Array.from({ length: count }, (_, i) => ({ name: `Extra${from + i}`, value: '1' }));
    const gold = stored('GoldMail', { extraFeatures: many(0, 15) });
    const { errors } = planImport([imported(3, { name: 'GoldMail' }, {}, many(10, 11))], [gold]);
    expect(errors).toEqual([
      {
        field: 'plans[3].features',
        rule: 'arrayMaxSize',
        message: 'plan "GoldMail": the plan would keep 21 unmapped features; at most 20',
      },
    ]);
    expect(planImport([imported(3, { name: 'GoldMail' }, {}, many(5, 15))], [gold]).errors).toEqual([]);
  });

  it('brings back an archived plan named in the file', () => {
    const { steps } = planImport([imported(0, { name: 'OldMail' })], [stored('OldMail', { archived: true })]);
    expect(steps[0]).toMatchObject({ kind: 'update', changed: ['archived'] });
  });
});

describe('mailing-plan rules', () => {
  it.each(['BaseMail', 'Gold Mail 2', 'a', 'x'.repeat(64), 'plan_1.0-b'])('accepts the name %p', (name) => {
    expect(MAILING_PLAN_NAME_PATTERN.test(name)).toBe(true);
  });

  it.each(['', ' Gold', 'Gold ', 'x'.repeat(65), 'Gold/Mail', 'Gold<Mail>', 'Gölд', 'a\nb'])(
    'refuses the name %p',
    (name) => {
      expect(MAILING_PLAN_NAME_PATTERN.test(name)).toBe(false);
    },
  );

  it('wants warning ≤ prohibit send ≤ prohibit send and receive', () => {
    const values = { ...MAILING_PLAN_DEFAULTS, name: 'A' };
    expect(crossFieldErrors(values)).toEqual([]);
    expect(crossFieldErrors({ ...values, issueWarningPercent: 100, prohibitSendPercent: 100 })).toEqual([]);
    expect(
      crossFieldErrors({
        ...values,
        issueWarningPercent: 99,
        prohibitSendPercent: 98,
        prohibitSendReceivePercent: 97,
      }).map((e) => e.field),
    ).toEqual(['issueWarningPercent', 'prohibitSendPercent']);
  });
});
