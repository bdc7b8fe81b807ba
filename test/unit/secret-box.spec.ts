import { randomBytes } from 'node:crypto';
import { AesGcmSecretBox } from '../../src/modules/shared/crypto/secret-box';

describe('AesGcmSecretBox', () => {
  const box = new AesGcmSecretBox(randomBytes(32));

  it('round-trips a secret and never stores it in clear', () => {
    const sealed = box.seal('Pässw0rd!', 'mpf');
    expect(sealed).toMatch(/^v1\./);
    expect(sealed).not.toContain('Pässw0rd');
    expect(Buffer.from(sealed.slice(3), 'base64').toString('latin1')).not.toContain('w0rd');
    expect(box.open(sealed, 'mpf')).toBe('Pässw0rd!');
  });

  it('uses a fresh IV each time', () => {
    expect(box.seal('same', 'mpf')).not.toBe(box.seal('same', 'mpf'));
  });

  it('refuses another key, another context, or a tampered value', () => {
    const sealed = box.seal('secret', 'mpf');
    expect(() => new AesGcmSecretBox(randomBytes(32)).open(sealed, 'mpf')).toThrow();
    expect(() => box.open(sealed, 'slack')).toThrow();
    const raw = Buffer.from(sealed.slice(3), 'base64');
    raw[raw.length - 1] ^= 1;
    expect(() => box.open(`v1.${raw.toString('base64')}`, 'mpf')).toThrow();
  });
});
