import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations';

/**
 * Turns DATABASE_URL into TypeORM options: `sqlite:<path>` runs on better-sqlite3 (the embedded default),
 * `mysql://` / `mariadb://` on mysql2. Schema changes only ever come from migrations (never synchronize).
 */
export function dataSourceOptions(url: string, migrate: boolean): DataSourceOptions {
  const common = {
    migrations: MIGRATIONS,
    migrationsRun: migrate,
    migrationsTransactionMode: 'each' as const,
    synchronize: false,
  };
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length);
    const database = path === ':memory:' ? path : resolve(path);
    if (database !== ':memory:') mkdirSync(dirname(database), { recursive: true });
    return { ...common, type: 'better-sqlite3', database, enableWAL: database !== ':memory:', timeout: 5000 };
  }
  return {
    ...common,
    type: 'mysql',
    url: url.replace(/^mariadb:/, 'mysql:'),
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    connectTimeout: 5000,
  };
}
