import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export const SECRET_BOX = Symbol('SECRET_BOX');

/** Encrypts secrets at rest. `context` names the secret's use and must match on open (it is authenticated). */
export interface SecretBox {
  seal(plaintext: string, context: string): string;
  open(sealed: string, context: string): string;
}

const VERSION = 'v1';

/** AES-256-GCM with a random 96-bit IV per secret: `v1.<base64(iv | tag | ciphertext)>`. */
export class AesGcmSecretBox implements SecretBox {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('SECRET_KEY must be 32 bytes');
  }

  seal(plaintext: string, context: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv).setAAD(Buffer.from(context));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
  }

  open(sealed: string, context: string): string {
    const [version, payload] = sealed.split('.', 2);
    if (version !== VERSION || !payload) throw new Error('Unknown secret format');
    const raw = Buffer.from(payload, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12))
      .setAAD(Buffer.from(context))
      .setAuthTag(raw.subarray(12, 28));
    // A wrong SECRET_KEY or a tampered value fails here (GCM authentication), never yields garbage.
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }
}
