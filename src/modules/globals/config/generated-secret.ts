import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Reads a secret kept in the data folder, creating it (owner-only permissions) on first use.
 * Returns whether it was created so the caller can warn that a generated secret is in use.
 */
export function loadOrCreateSecretFile(
  dataDir: string,
  fileName: string,
): { value: string; created: boolean; path: string } {
  const path = join(dataDir, fileName);
  if (existsSync(path)) return { value: readFileSync(path, 'utf8').trim(), created: false, path };
  mkdirSync(dataDir, { recursive: true });
  const value = randomBytes(32).toString('hex');
  try {
    writeFileSync(path, `${value}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Another instance starting at the same moment created it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      return { value: readFileSync(path, 'utf8').trim(), created: false, path };
    throw error;
  }
  chmodSync(path, 0o600);
  return { value, created: true, path };
}
