import type { Database } from '@parley/db';
import type { Kysely, Transaction } from 'kysely';

/**
 * Opens a transaction, runs `takeLocks` in it, and keeps it open (locks held; on PGlite, its only
 * connection) until `release()` — so a test can line other work up behind it deterministically.
 */
export async function holdTransaction(
  db: Kysely<Database>,
  takeLocks: (trx: Transaction<Database>) => Promise<unknown>,
): Promise<{ release: () => Promise<void> }> {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  let markHeld!: () => void;
  const isHeld = new Promise<void>((resolve) => {
    markHeld = resolve;
  });
  const holder = db.transaction().execute(async (trx) => {
    await takeLocks(trx);
    markHeld();
    await gate;
  });
  await Promise.race([isHeld, holder]);
  return {
    async release() {
      open();
      await holder;
    },
  };
}
