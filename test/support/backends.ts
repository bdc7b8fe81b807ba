import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase } from './mariadb';

/** The two database backends every persistence test runs on: the embedded default and MariaDB. */
export const BACKENDS = ['sqlite', 'mariadb'] as const;
export type Backend = (typeof BACKENDS)[number];

export async function freshDatabaseUrl(backend: Backend): Promise<string> {
  if (backend === 'sqlite') return `sqlite:${join(mkdtempSync(join(tmpdir(), 'exh-db-')), 'db.sqlite')}`;
  return (await createTestDatabase()).url;
}
