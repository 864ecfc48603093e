import { CompiledQuery } from 'kysely';
import type { MessageRow } from '../presenters/message.ts';

// The one statement that stores a batch of visitors' sends and agents' replies (MessageAppendBatcher).
// Each kind has a function for many (append_visitor_messages, append_agent_messages) and a cheaper one
// for a message alone (append_visitor_message, append_agent_message): plain statements cost less for one,
// the set-based ones from three on (`pnpm bench:rows`). When both kinds are there, the two functions run
// in one statement, so one round trip and one commit.

export interface VisitorAppend {
  visitorId: string;
  workspaceId: string;
  inboxId: string;
  /** Omitted: the visitor's open conversation in this inbox. */
  conversationId?: string;
  clientId: string;
  body: string;
}

export interface AgentAppend {
  conversationId: string;
  workspaceId: string;
  userId: string;
  clientId: string;
  body: string;
}

/** A stored message; for an agent's reply also its conversation's visitor and whether the agent just joined it. */
export type AppendedRow = MessageRow & { visitor_id: string | null; joined: boolean | null };

const COLUMNS = 'id, conversation_id, seq, sender_type, sender_id, client_id, body, created_at';

/** A kind of message: its functions' arguments in order with their types, and the columns it selects. */
interface Kind<Input> {
  one: string;
  many: string;
  parameters: readonly { key: keyof Input; type: 'uuid' | 'text' }[];
  columns: string;
}

const VISITOR: Kind<VisitorAppend> = {
  one: 'append_visitor_message',
  many: 'append_visitor_messages',
  parameters: [
    { key: 'visitorId', type: 'uuid' },
    { key: 'workspaceId', type: 'uuid' },
    { key: 'inboxId', type: 'uuid' },
    { key: 'conversationId', type: 'uuid' },
    { key: 'clientId', type: 'text' },
    { key: 'body', type: 'text' },
  ],
  columns: `${COLUMNS}, null::text as sender_name, null::uuid as visitor_id, null::boolean as joined`,
};

const AGENT: Kind<AgentAppend> = {
  one: 'append_agent_message',
  many: 'append_agent_messages',
  parameters: [
    { key: 'conversationId', type: 'uuid' },
    { key: 'workspaceId', type: 'uuid' },
    { key: 'userId', type: 'uuid' },
    { key: 'clientId', type: 'text' },
    { key: 'body', type: 'text' },
  ],
  columns: `${COLUMNS}, sender_name, visitor_id, joined`,
};

export function appendStatement(visitors: VisitorAppend[], agents: AgentAppend[]): CompiledQuery<AppendedRow> {
  const values: unknown[] = [];
  function call<Input>(kind: Kind<Input>, inputs: Input[]): string[] {
    const [first] = inputs;
    if (!first) return [];
    const isOne = inputs.length === 1;
    const placeholders = kind.parameters.map(({ key, type }) => {
      values.push(isOne ? (first[key] ?? null) : inputs.map((input) => input[key] ?? null));
      return isOne ? `$${values.length}` : `$${values.length}::${type}[]`;
    });
    return [`select ${kind.columns} from ${isOne ? kind.one : kind.many}(${placeholders.join(', ')})`];
  }
  const sql = [...call(VISITOR, visitors), ...call(AGENT, agents)].join(' union all ');
  return CompiledQuery.raw(sql, values) as CompiledQuery<AppendedRow>;
}
