import { AsyncLocalStorage } from 'node:async_hooks';
import { Mutex } from 'async-mutex';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';

/**
 * better-sqlite3 gives TypeORM one connection for everything. Two concurrent `transaction()` calls would share
 * it (the second becoming a SAVEPOINT of the first, committed or rolled back with it), and a statement issued
 * outside any transaction would silently join whichever one is open. So on SQLite every top-level transaction
 * and every statement outside a transaction take turns on one mutex; statements and nested transactions inside
 * a transaction (same async context) run directly.
 */
export function serializeSqliteTransactions(dataSource: DataSource): DataSource {
  if (dataSource.options.type !== 'better-sqlite3') return dataSource;
  const mutex = new Mutex();
  const inTransaction = new AsyncLocalStorage<true>();
  const exclusive = <T>(work: () => Promise<T>): Promise<T> =>
    inTransaction.getStore() ? work() : mutex.runExclusive(() => inTransaction.run(true, work));

  const manager: EntityManager = dataSource.manager;
  const transaction = manager.transaction.bind(manager);
  const serialized = (...args: unknown[]): Promise<unknown> =>
    exclusive(() => Reflect.apply(transaction, manager, args) as Promise<unknown>);
  manager.transaction = serialized;

  const runner: QueryRunner = dataSource.driver.createQueryRunner('master');
  const query = runner.query.bind(runner);
  runner.query = ((...args: unknown[]) =>
    exclusive(() => Reflect.apply(query, runner, args) as Promise<unknown>)) as QueryRunner['query'];
  return dataSource;
}
