import type { Database } from '@parley/db';
import { CompiledQuery, type Kysely } from 'kysely';
import type { MessageRow } from '../presenters/message.ts';

// Visitors' sends into their open conversations, many in one statement: one round trip and one commit
// (group commit) for all the sends that arrived while earlier batches were being written. Each send is
// acked only once the statement that holds it has committed. The conversations are locked in id order, so
// concurrent batches cannot deadlock; messages of one conversation get consecutive seqs in arrival order.
// A send the batch did not store (no open conversation, resolved meanwhile), or every send of a batch that
// failed (e.g. a retried clientId violates unique (sender_id, client_id)), goes to the full transaction.
const APPEND_BATCH = `
with input as (
  select * from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::text[])
    with ordinality as i(visitor_id, workspace_id, inbox_id, conversation_id, client_id, body, ord)
), target as (
  select i.*, (
    select c.id from conversations c
    where c.visitor_id = i.visitor_id and c.workspace_id = i.workspace_id and c.inbox_id = i.inbox_id
      and c.status = 'open' and (i.conversation_id is null or c.id = i.conversation_id)
    order by c.created_at desc
    limit 1
  ) as target_id
  from input i
), counts as (
  select target_id, count(*)::int as n from target where target_id is not null group by target_id
), locked as materialized (
  select c.id from conversations c join counts on counts.target_id = c.id
  where c.status = 'open'
  order by c.id
  for no key update of c
), bumped as (
  update conversations c set last_seq = c.last_seq + counts.n, updated_at = now(), last_message_at = now()
  from locked join counts on counts.target_id = locked.id
  where c.id = locked.id
  returning c.id, c.last_seq, counts.n
), numbered as (
  select t.visitor_id, t.client_id, t.body, b.id as conversation_id,
    b.last_seq - b.n + row_number() over (partition by b.id order by t.ord) as seq
  from target t join bumped b on b.id = t.target_id
), m as (
  insert into messages (conversation_id, seq, sender_type, sender_id, client_id, body)
  select conversation_id, seq, 'visitor', visitor_id, client_id, body from numbered
  returning *
)
select m.id, m.conversation_id, m.seq, m.sender_type, m.sender_id, m.client_id, m.body, m.created_at,
  null as sender_name
from m`;

export interface VisitorAppend {
  visitorId: string;
  workspaceId: string;
  inboxId: string;
  /** Omitted: the visitor's open conversation in this inbox. */
  conversationId?: string;
  clientId: string;
  body: string;
}

interface Pending {
  input: VisitorAppend;
  resolve: (row: MessageRow | undefined) => void;
}

export interface AppendBatcherOptions {
  /** Sends in one statement at most. */
  maxBatch?: number;
  /** Statements under way at once; the rest of the pool stays free for everything else. */
  maxInFlight?: number;
}

export class VisitorAppendBatcher {
  readonly #db: Kysely<Database>;
  readonly #maxBatch: number;
  readonly #maxInFlight: number;
  #pending: Pending[] = [];
  #inFlight = 0;
  #isScheduled = false;
  #statements = 0;
  #appended = 0;

  constructor(db: Kysely<Database>, options: AppendBatcherOptions = {}) {
    this.#db = db;
    this.#maxBatch = options.maxBatch ?? 200;
    this.#maxInFlight = options.maxInFlight ?? 4;
  }

  /** Statements run and sends they stored so far, for metrics and tests. */
  get counts(): { statements: number; appended: number } {
    return { statements: this.#statements, appended: this.#appended };
  }

  /** The stored message, or undefined when the full transaction must handle this send. */
  append(input: VisitorAppend): Promise<MessageRow | undefined> {
    return new Promise((resolve) => {
      this.#pending.push({ input, resolve });
      this.#schedule();
    });
  }

  #schedule(): void {
    if (this.#isScheduled || this.#inFlight >= this.#maxInFlight) return;
    this.#isScheduled = true;
    // Sends that arrive in the same turn of the event loop share a statement.
    setImmediate(() => {
      this.#isScheduled = false;
      while (this.#pending.length > 0 && this.#inFlight < this.#maxInFlight) {
        void this.#write(this.#pending.splice(0, this.#maxBatch));
      }
    });
  }

  async #write(batch: Pending[]): Promise<void> {
    this.#inFlight++;
    try {
      this.#statements++;
      const rows = await this.#run(batch.map((pending) => pending.input));
      this.#appended += rows.length;
      const stored = new Map(rows.map((row) => [`${row.sender_id} ${row.client_id}`, row]));
      for (const { input, resolve } of batch) resolve(stored.get(`${input.visitorId} ${input.clientId}`));
    } catch {
      for (const { resolve } of batch) resolve(undefined);
    } finally {
      this.#inFlight--;
      if (this.#pending.length > 0) this.#schedule();
    }
  }

  async #run(inputs: VisitorAppend[]): Promise<MessageRow[]> {
    const column = <K extends keyof VisitorAppend>(key: K) => inputs.map((input) => input[key] ?? null);
    const parameters = [
      column('visitorId'),
      column('workspaceId'),
      column('inboxId'),
      column('conversationId'),
      column('clientId'),
      column('body'),
    ];
    const { rows } = await this.#db.executeQuery<MessageRow>(CompiledQuery.raw(APPEND_BATCH, parameters));
    return rows;
  }
}
