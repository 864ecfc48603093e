import type { Database } from '@parley/db';
import type { Kysely, Transaction } from 'kysely';

// deadlock_detected and serialization_failure: Postgres rolled the whole transaction back, so it is safe to run again.
const RETRYABLE_CODES = new Set(['40P01', '40001']);
const MAX_ATTEMPTS = 3;

/** Runs `work` in a transaction, again (up to three times in all) when Postgres aborts it to break a deadlock. */
export async function runTransaction<T>(
  db: Kysely<Database>,
  work: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(work);
    } catch (error) {
      const code = (error as { code?: string } | null)?.code;
      if (attempt >= MAX_ATTEMPTS || !code || !RETRYABLE_CODES.has(code)) throw error;
    }
  }
}
