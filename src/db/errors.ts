/** Prisma's code for a unique constraint violation, the same on SQLite and PostgreSQL. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'P2002';
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
