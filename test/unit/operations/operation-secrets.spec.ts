import {
  openSecretField,
  sealSecretFields,
  wipeSecretFields,
} from '../../../src/modules/exchange/operations/operation-secrets';
import { AesGcmSecretBox } from '../../../src/modules/shared/crypto/secret-box';

describe('operation input secrets', () => {
  const box = new AesGcmSecretBox(Buffer.alloc(32, 7));

  it('seals the named fields, opens them, and wipes them', () => {
    const sealed = sealSecretFields(box, { user: 'bob', password: 'P@ss' }, ['password']);
    expect(sealed.user).toBe('bob');
    expect(sealed.password).not.toBe('P@ss');
    expect(JSON.stringify(sealed)).not.toContain('P@ss');
    expect(openSecretField(box, sealed, 'password')).toBe('P@ss');
    const wiped = wipeSecretFields(sealed);
    expect(wiped).toEqual({ user: 'bob' });
    expect(() => openSecretField(box, wiped, 'password')).toThrow(/wiped/);
  });

  it('refuses to open a field that was never sealed, and to seal a non-string', () => {
    expect(() => openSecretField(box, { password: 'plain' }, 'password')).toThrow(/never sealed/);
    expect(() => sealSecretFields(box, { pin: 1234 }, ['pin'])).toThrow(/must be a string/);
  });

  it('leaves an input without secrets as it is', () => {
    expect(sealSecretFields(box, { a: 1 }, [])).toEqual({ a: 1 });
    expect(wipeSecretFields({ a: 1 })).toEqual({ a: 1 });
  });
});
