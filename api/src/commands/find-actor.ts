import type { Database } from '@parley/db';
import type { Kysely, Transaction } from 'kysely';
import type { AgentActor } from './send-agent-message.ts';

/** The acting agent as events name them (`by`): id and current name. */
export function findActor(trx: Kysely<Database> | Transaction<Database>, agent: AgentActor) {
  return trx.selectFrom('users').select(['id', 'name']).where('id', '=', agent.userId).executeTakeFirstOrThrow();
}
