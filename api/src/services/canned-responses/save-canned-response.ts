import type { Database } from '@parley/db';
import { type Kysely, sql } from 'kysely';
import type { AgentPrincipal } from '../../plugins/agent-auth.ts';
import type {
  CannedResponse,
  CannedResponseCreateBody,
  CannedResponseUpdateBody,
  CannedScope,
} from '../../protocol/canned-rest.ts';
import { runTransaction } from '../run-transaction.ts';
import { cannedNotFound, refuseTakenShortcut } from './canned-errors.ts';
import { checkCanWriteScope } from './canned-policy.ts';
import { CANNED_COLUMNS, presentCannedResponse } from './present-canned-response.ts';

type Writer = Pick<AgentPrincipal, 'workspaceId' | 'userId' | 'role'>;

const ownerFor = (writer: Writer, scope: CannedScope) => (scope === 'shared' ? null : writer.userId);

export async function createCannedResponse(
  db: Kysely<Database>,
  writer: Writer,
  body: CannedResponseCreateBody,
): Promise<CannedResponse> {
  checkCanWriteScope(writer.role, body.scope);
  const row = await refuseTakenShortcut(
    db
      .insertInto('canned_responses')
      .values({
        workspace_id: writer.workspaceId,
        owner_id: ownerFor(writer, body.scope),
        shortcut: body.shortcut.toLowerCase(),
        title: body.title.trim(),
        body: body.body,
      })
      .returning(CANNED_COLUMNS)
      .executeTakeFirstOrThrow(),
  );
  return presentCannedResponse(row);
}

/** Changes a response the writer may change, in its scope and in the one it moves to. */
export function updateCannedResponse(
  db: Kysely<Database>,
  writer: Writer,
  id: string,
  body: CannedResponseUpdateBody,
): Promise<CannedResponse> {
  return refuseTakenShortcut(
    runTransaction(db, async (trx) => {
      const current = await findWritable(trx, writer, id);
      const scope = body.scope ?? current;
      checkCanWriteScope(writer.role, scope);
      const row = await trx
        .updateTable('canned_responses')
        .set({
          ...(body.shortcut !== undefined ? { shortcut: body.shortcut.toLowerCase() } : {}),
          ...(body.title !== undefined ? { title: body.title.trim() } : {}),
          ...(body.body !== undefined ? { body: body.body } : {}),
          owner_id: ownerFor(writer, scope),
          updated_at: sql<Date>`now()`,
        })
        .where('id', '=', id)
        .returning(CANNED_COLUMNS)
        .executeTakeFirstOrThrow();
      return presentCannedResponse(row);
    }),
  );
}

export async function deleteCannedResponse(db: Kysely<Database>, writer: Writer, id: string): Promise<void> {
  await runTransaction(db, async (trx) => {
    await findWritable(trx, writer, id);
    await trx.deleteFrom('canned_responses').where('id', '=', id).execute();
  });
}

/**
 * The scope of a response the writer can see, locked for the change; 404 for what they cannot see,
 * 403 for a shared one when they are an agent.
 */
async function findWritable(db: Kysely<Database>, writer: Writer, id: string): Promise<CannedScope> {
  const row = await db
    .selectFrom('canned_responses')
    .select('owner_id')
    .where('id', '=', id)
    .where('workspace_id', '=', writer.workspaceId)
    .where((eb) => eb.or([eb('owner_id', 'is', null), eb('owner_id', '=', writer.userId)]))
    .forNoKeyUpdate()
    .executeTakeFirst();
  if (!row) throw cannedNotFound();
  const scope = row.owner_id === null ? 'shared' : 'personal';
  checkCanWriteScope(writer.role, scope);
  return scope;
}
