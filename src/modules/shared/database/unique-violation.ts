import { QueryFailedError } from 'typeorm';

/** Whether a write failed on a unique index (MariaDB/MySQL or SQLite): a concurrent writer took the value first. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as QueryFailedError & { driverError?: { code?: string } }).driverError?.code;
  return (
    error instanceof QueryFailedError &&
    (code === 'ER_DUP_ENTRY' ||
      code === 'SQLITE_CONSTRAINT_UNIQUE' ||
      code === 'SQLITE_CONSTRAINT_PRIMARYKEY')
  );
}
