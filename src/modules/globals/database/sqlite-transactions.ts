import { Mutex } from 'async-mutex';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * better-sqlite3 gives TypeORM one connection: two concurrent `transaction()` calls would share it, the second
 * becoming a SAVEPOINT inside the first (and committed or rolled back with it). Top-level transactions are
 * therefore run one at a time; nested ones (through the transaction's own manager) are untouched.
 */
export function serializeSqliteTransactions(dataSource: DataSource): DataSource {
  if (dataSource.options.type !== 'better-sqlite3') return dataSource;
  const mutex = new Mutex();
  const manager: EntityManager = dataSource.manager;
  const original = manager.transaction.bind(manager);
  const serialized = (...args: unknown[]): Promise<unknown> =>
    mutex.runExclusive(() => Reflect.apply(original, manager, args) as Promise<unknown>);
  manager.transaction = serialized;
  return dataSource;
}
