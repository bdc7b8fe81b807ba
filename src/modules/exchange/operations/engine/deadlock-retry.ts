const RETRYABLE = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT', 'SQLITE_BUSY']);

function isLockConflict(error: unknown): boolean {
  const codes = [error, (error as { driverError?: unknown } | null)?.driverError].map(
    (e) => (e as { code?: unknown } | null)?.code,
  );
  return codes.some((code) => typeof code === 'string' && RETRYABLE.has(code));
}

/** Runs a short transaction again when the database chose it as a deadlock victim (InnoDB) or was busy. */
export async function retryOnLockConflict<T>(fn: () => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= attempts || !isLockConflict(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt));
    }
  }
}
