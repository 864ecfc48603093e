import { sql } from 'kysely';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Database } from './schema.ts';
import { createTestDb } from './testing.ts';

type ColumnsOf<Table> = Array<keyof Table & string>;

/** Each table's columns as the `Database` type declares them; the compiler keeps this list complete. */
const declaredColumns: { [Table in keyof Database]: ColumnsOf<Database[Table]> } = {
  workspaces: ['id', 'name', 'created_at'],
  users: ['id', 'email', 'name', 'password_hash', 'created_at'],
  memberships: [
    'workspace_id',
    'user_id',
    'role',
    'last_assigned_at',
    'capacity',
    'is_away',
    'deactivated_at',
    'created_at',
  ],
  sessions: ['id', 'user_id', 'expires_at', 'created_at'],
  inboxes: [
    'id',
    'workspace_id',
    'name',
    'site_key',
    'allowed_origins',
    'appearance',
    'identity_secret',
    'require_identity',
    'routing_mode',
    'default_capacity',
    'reassign_after_seconds',
    'business_hours',
    'created_at',
  ],
  visitors: [
    'id',
    'workspace_id',
    'inbox_id',
    'external_id',
    'is_verified',
    'name',
    'email',
    'language',
    'page_url',
    'page_title',
    'user_agent',
    'time_zone',
    'attributes',
    'created_at',
    'last_seen_at',
  ],
  conversations: [
    'id',
    'workspace_id',
    'inbox_id',
    'visitor_id',
    'status',
    'assignee_id',
    'last_seq',
    'last_message_at',
    'priority',
    'snoozed_until',
    'team_id',
    'queued_at',
    'visitor_read_seq',
    'agent_read_seq',
    'assigned_at',
    'created_at',
    'updated_at',
  ],
  messages: [
    'id',
    'conversation_id',
    'seq',
    'sender_type',
    'sender_id',
    'client_id',
    'body',
    'kind',
    'search_vector',
    'created_at',
    'attachments',
  ],
  conversation_events: ['conversation_id', 'seq', 'type', 'data', 'actor_type', 'actor_id', 'created_at'],
  inbox_members: ['inbox_id', 'user_id'],
  mentions: ['id', 'workspace_id', 'conversation_id', 'message_id', 'user_id', 'author_id', 'read_at', 'created_at'],
  conversation_participants: ['conversation_id', 'user_id', 'joined_at'],
  teams: ['id', 'workspace_id', 'name', 'created_at'],
  team_members: ['team_id', 'user_id'],
  routing_rules: ['id', 'inbox_id', 'position', 'field', 'attribute_key', 'pattern', 'team_id', 'created_at'],
  routing_decisions: [
    'id',
    'conversation_id',
    'workspace_id',
    'outcome',
    'reason',
    'chosen_user_id',
    'candidates',
    'decided_at',
  ],
  visitor_tokens: ['token_hash', 'visitor_id', 'created_at'],
  invitations: [
    'id',
    'workspace_id',
    'email',
    'role',
    'token_hash',
    'invited_by',
    'created_at',
    'expires_at',
    'accepted_at',
    'revoked_at',
  ],
  canned_responses: ['id', 'workspace_id', 'owner_id', 'shortcut', 'title', 'body', 'created_at', 'updated_at'],
  labels: ['id', 'workspace_id', 'name', 'color', 'created_at'],
  conversation_labels: ['conversation_id', 'label_id'],
  visitor_page_views: ['id', 'visitor_id', 'url', 'title', 'viewed_at'],
  attachments: [
    'id',
    'workspace_id',
    'conversation_id',
    'message_id',
    'uploader_type',
    'uploader_id',
    'name',
    'content_type',
    'size_bytes',
    'width',
    'height',
    'storage_key',
    'created_at',
  ],
  conversation_ratings: ['conversation_id', 'workspace_id', 'rating', 'comment', 'created_at', 'updated_at'],
  user_avatars: ['user_id', 'content', 'content_type', 'updated_at'],
  user_preferences: ['user_id', 'notifications', 'auto_away_minutes', 'updated_at'],
};

let handle: Awaited<ReturnType<typeof createTestDb>>;
beforeAll(async () => {
  handle = await createTestDb();
});
afterAll(() => handle.close());

test('the Database type names exactly the migrated tables and columns', async () => {
  const { rows } = await sql<{ table_name: string; column_name: string }>`
    select table_name, column_name from information_schema.columns
    where table_schema = 'public' and table_name not like 'kysely_%'
  `.execute(handle.db);
  const migrated: Record<string, string[]> = {};
  for (const row of rows) {
    migrated[row.table_name] = [...(migrated[row.table_name] ?? []), row.column_name];
  }
  const sortColumns = (tables: Record<string, string[]>) =>
    Object.fromEntries(Object.entries(tables).map(([table, columns]) => [table, [...columns].sort()]));
  expect(sortColumns(migrated)).toEqual(sortColumns(declaredColumns));
});

test('counts come back as numbers on either driver', async () => {
  const { rows } = await sql<{ total: number }>`select count(*) as total from workspaces`.execute(handle.db);
  expect(rows[0]?.total).toBe(0);
});
