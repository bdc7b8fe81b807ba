import { orgNameKey } from '../../../src/modules/exchange/account/account.entity';
import { passwordProblems } from '../../../src/modules/exchange/account/password-rules';
import {
  baseSamAccountName,
  pickSamAccountName,
  samAccountNameCandidates,
} from '../../../src/modules/exchange/provisioning/sam-account-name';
import { DomainError } from '../../../src/modules/shared/errors/domain.error';

const POLICY = { minLength: 7, complexity: true, historyLength: 24 };

describe('sAMAccountName derivation (MPF.md §2)', () => {
  it('strips the forbidden characters, replaces @ with _ and cuts to 20', () => {
    expect(baseSamAccountName('ann@acme.test')).toBe('ann_acme.test');
    expect(baseSamAccountName('a"/\\[]:|<>+=;?,*b@x.io')).toBe('ab_x.io');
    expect(baseSamAccountName('administrator@very-long-domain.example')).toBe('administrator_very-l');
    expect(baseSamAccountName('abcdefghijklmnopqrs.@x.io')).toBe('abcdefghijklmnopqrs');
  });

  it('tries the base, then 3 × 17 + 3 digits, then 2 × 15 + 5 digits', () => {
    const candidates = samAccountNameCandidates('administrator@very-long-domain.example', () => 42);
    expect(candidates).toEqual([
      'administrator_very-l',
      'administrator_ver042',
      'administrator_ver042',
      'administrator_ver042',
      'administrator_v00042',
      'administrator_v00042',
    ]);
    expect(candidates.every((sam) => sam.length <= 20)).toBe(true);
  });

  it('picks the first free candidate, and fails with CONFLICT when all six are taken', async () => {
    let n = 0;
    const random = () => ++n;
    const taken = new Set(['ann_acme.test', 'ann_acme.test001']);
    expect(await pickSamAccountName('ann@acme.test', (s) => Promise.resolve(taken.has(s)), random)).toBe(
      'ann_acme.test002',
    );
    const error = await pickSamAccountName('ann@acme.test', () => Promise.resolve(true)).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('CONFLICT');
  });
});

describe('password rules of the domain policy', () => {
  it('accepts a complex password and names each broken rule otherwise', () => {
    expect(passwordProblems('Str0ng-Pass!x', POLICY, 'ann_acme.test')).toEqual([]);
    expect(passwordProblems('short', POLICY, 'ann')).toEqual([
      'must be at least 7 characters long',
      expect.stringContaining('3 of these 4 kinds'),
    ]);
    expect(passwordProblems('xANN_acme.test1', POLICY, 'ann_acme.test')).toEqual([
      'must not contain the account name',
    ]);
    expect(passwordProblems('password', { ...POLICY, complexity: false }, 'ann')).toEqual([]);
  });
});

describe('organization name key', () => {
  it('keys organizations on their lower-cased first 9 characters', () => {
    expect(orgNameKey('AcmeWidgets-East')).toBe('acmewidge');
    expect(orgNameKey('acmewidgets')).toBe(orgNameKey('ACMEWIDGE'));
  });
});
