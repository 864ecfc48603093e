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
const VISITOR_COLUMNS = `${COLUMNS}, null::text as sender_name, null::uuid as visitor_id, null::boolean as joined`;
const AGENT_COLUMNS = `${COLUMNS}, sender_name, visitor_id, joined`;

export function appendStatement(visitors: VisitorAppend[], agents: AgentAppend[]): CompiledQuery<AppendedRow> {
  const parameters: unknown[] = [];
  const placeholders = (values: unknown[], casts: string[] = []) =>
    values
      .map((value, index) => {
        parameters.push(value);
        return `$${parameters.length}${casts[index] ?? ''}`;
      })
      .join(', ');
  const parts: string[] = [];
  const [visitor] = visitors;
  if (visitors.length === 1 && visitor) {
    const values = [visitor.visitorId, visitor.workspaceId, visitor.inboxId, visitor.conversationId ?? null];
    parts.push(
      `select ${VISITOR_COLUMNS} from append_visitor_message(${placeholders([...values, visitor.clientId, visitor.body])})`,
    );
  } else if (visitors.length > 1) {
    const column = <K extends keyof VisitorAppend>(key: K) => visitors.map((input) => input[key] ?? null);
    const columns = ['visitorId', 'workspaceId', 'inboxId', 'conversationId', 'clientId', 'body'] as const;
    const casts = ['::uuid[]', '::uuid[]', '::uuid[]', '::uuid[]', '::text[]', '::text[]'];
    parts.push(`select ${VISITOR_COLUMNS} from append_visitor_messages(${placeholders(columns.map(column), casts)})`);
  }
  const [agent] = agents;
  if (agents.length === 1 && agent) {
    const values = [agent.conversationId, agent.workspaceId, agent.userId, agent.clientId, agent.body];
    parts.push(`select ${AGENT_COLUMNS} from append_agent_message(${placeholders(values)})`);
  } else if (agents.length > 1) {
    const column = <K extends keyof AgentAppend>(key: K) => agents.map((input) => input[key]);
    const columns = ['conversationId', 'workspaceId', 'userId', 'clientId', 'body'] as const;
    const casts = ['::uuid[]', '::uuid[]', '::uuid[]', '::text[]', '::text[]'];
    parts.push(`select ${AGENT_COLUMNS} from append_agent_messages(${placeholders(columns.map(column), casts)})`);
  }
  return CompiledQuery.raw(parts.join(' union all '), parameters) as CompiledQuery<AppendedRow>;
}
