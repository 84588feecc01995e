/**
 * A unique constraint violation, the same on SQLite and PostgreSQL: Prisma's P2002 from a model call,
 * or, from a raw statement (set-based inserts such as the outbox's), P2010 with the driver adapter's
 * error kind.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  if (error.code === 'P2002') return true;
  if (error.code !== 'P2010' || !('meta' in error)) return false;
  const meta = error.meta as { driverAdapterError?: { cause?: { kind?: unknown } } } | undefined;
  return meta?.driverAdapterError?.cause?.kind === 'UniqueConstraintViolation';
}

/**
 * Runs a transaction that reads, then inserts under a unique key; if a concurrent twin (a double
 * click or double submit) inserted first, runs it once more, when its read sees the row and it takes
 * the path for an existing one.
 */
export async function retryOnceOnUniqueViolation<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) return work();
    throw error;
  }
}
