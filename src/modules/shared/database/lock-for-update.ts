import type { EntityManager } from 'typeorm';

/**
 * `FindOptions` that lock the rows read (`SELECT … FOR UPDATE`) on MySQL/MariaDB, inside the caller's
 * transaction; nothing on SQLite, where transactions already run one at a time.
 */
export function forUpdate(manager: EntityManager): { lock?: { mode: 'pessimistic_write' } } {
  const type = manager.connection.options.type;
  return type === 'mysql' || type === 'mariadb' ? { lock: { mode: 'pessimistic_write' } } : {};
}
