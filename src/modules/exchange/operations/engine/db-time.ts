import type { DataSource, EntityManager } from 'typeorm';

/**
 * A time as a raw query parameter: SQLite keeps `datetime` columns as UTC text ("YYYY-MM-DD HH:MM:SS.SSS",
 * the format TypeORM writes), which compares correctly as text; mysql2 (timezone 'Z') takes a Date.
 */
export function dbTime(db: DataSource | EntityManager, date: Date): Date | string {
  const type = 'connection' in db ? db.connection.options.type : db.options.type;
  if (type === 'mysql' || type === 'mariadb') return date;
  return date.toISOString().replace('T', ' ').replace('Z', '');
}

export function isMysql(db: DataSource): boolean {
  return db.options.type === 'mysql' || db.options.type === 'mariadb';
}
