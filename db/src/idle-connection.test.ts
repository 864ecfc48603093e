import { sql } from 'kysely';
import { expect, test } from 'vitest';
import { createDb } from './create-db.ts';
import { createScratchDatabase, isRealPostgresSelected } from './testing.ts';

// A Postgres restart or failover closes the pool's idle connections. That must be logged and survived
// (the next query opens a new connection), not end the process with an unhandled 'error' event.
test.skipIf(!isRealPostgresSelected())(
  'an idle connection closed by the server is reported, and the next query works',
  async () => {
    const scratch = await createScratchDatabase('parley_idle');
    const lost: Error[] = [];
    const handle = await createDb({ databaseUrl: scratch.url, onIdleConnectionError: (error) => lost.push(error) });
    const admin = await createDb({ databaseUrl: scratch.url });
    try {
      const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(handle.db);
      await sql`select pg_terminate_backend(${rows[0]!.pid})`.execute(admin.db);
      for (let i = 0; i < 50 && lost.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(lost.map((error) => error.message)).toEqual([expect.stringContaining('terminating connection')]);
      expect((await sql<{ one: number }>`select 1 as one`.execute(handle.db)).rows).toEqual([{ one: 1 }]);
    } finally {
      await handle.close();
      await admin.close();
      await scratch.drop();
    }
  },
);
