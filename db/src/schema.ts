import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** The migrated schema, table by table. `schema.test.ts` checks it against the database. */
export interface Database {
  workspaces: WorkspacesTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  inboxes: InboxesTable;
  visitors: VisitorsTable;
  conversations: ConversationsTable;
  messages: MessagesTable;
  conversation_events: ConversationEventsTable;
  inbox_members: InboxMembersTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
  routing_rules: RoutingRulesTable;
  routing_decisions: RoutingDecisionsTable;
  visitor_tokens: VisitorTokensTable;
  invitations: InvitationsTable;
  canned_responses: CannedResponsesTable;
  labels: LabelsTable;
  conversation_labels: ConversationLabelsTable;
  visitor_page_views: VisitorPageViewsTable;
  mentions: MentionsTable;
  conversation_participants: ConversationParticipantsTable;
  attachments: AttachmentsTable;
  conversation_ratings: ConversationRatingsTable;
  user_avatars: UserAvatarsTable;
  user_preferences: UserPreferencesTable;
}

type CreatedAt = ColumnType<Date, Date | undefined, never>;
type Json<T> = ColumnType<T, string, string>;

export type Role = 'owner' | 'admin' | 'agent';
export type ConversationStatus = 'open' | 'pending' | 'snoozed' | 'resolved';
export type ActorType = 'visitor' | 'agent' | 'system';
export type MessageKind = 'reply' | 'note';
export type RoutingMode = 'auto' | 'manual' | 'off';
export type RoutingOutcome = 'assigned' | 'queued' | 'returned';

export interface WorkspacesTable {
  id: Generated<string>;
  name: string;
  created_at: CreatedAt;
}

export interface UsersTable {
  id: Generated<string>;
  email: string;
  name: string;
  password_hash: string;
  created_at: CreatedAt;
}

export interface MembershipsTable {
  workspace_id: string;
  user_id: string;
  role: Role;
  last_assigned_at: Date | null;
  /** Most open conversations at once; null means the inbox's default. */
  capacity: number | null;
  is_away: Generated<boolean>;
  /** Set while the member is deactivated: no sign-in, no sessions, not offered conversations. */
  deactivated_at: Date | null;
  created_at: CreatedAt;
}

/** A link that lets someone join a workspace; the token itself is never stored. */
export interface InvitationsTable {
  id: Generated<string>;
  workspace_id: string;
  email: string;
  role: Exclude<Role, 'owner'>;
  /** SHA-256 of the invitation token, hex. */
  token_hash: string;
  invited_by: string | null;
  created_at: CreatedAt;
  expires_at: Date;
  accepted_at: Date | null;
  revoked_at: Date | null;
}

export interface SessionsTable {
  /** SHA-256 of the session token, hex. The token itself is never stored. */
  id: string;
  user_id: string;
  expires_at: Date;
  created_at: CreatedAt;
}

export interface InboxAppearance {
  color?: string;
  title?: string;
  greeting?: string;
  launcherText?: string;
  position?: 'left' | 'right';
  logoUrl?: string;
  /** The reply time the widget promises; null or absent: computed from the inbox's conversations. */
  replyTime?: 'minutes' | 'hours' | 'day' | null;
  /** What the widget asks before the first message (PreChatForm in the protocol). */
  preChatForm?: {
    enabled: boolean;
    fields: {
      key: string;
      label: string;
      type: 'text' | 'email' | 'select' | 'textarea';
      required: boolean;
      options?: string[];
    }[];
  };
}

export interface InboxesTable {
  id: Generated<string>;
  workspace_id: string;
  name: string;
  site_key: string;
  allowed_origins: Json<string[]>;
  appearance: Json<InboxAppearance>;
  identity_secret: string;
  /** Visitors must be identified with a valid hash before they can read or write anything. */
  require_identity: Generated<boolean>;
  routing_mode: Generated<RoutingMode>;
  default_capacity: Generated<number>;
  /** Back to the queue when the assignee has not replied this long; null = never. */
  reassign_after_seconds: number | null;
  /** Null = always open. Shaped as BusinessHours in the protocol. */
  business_hours: Json<unknown> | null;
  created_at: CreatedAt;
}

export interface VisitorsTable {
  id: Generated<string>;
  workspace_id: string;
  inbox_id: string;
  /** The site's own user id, once identified with a valid hash; null for anonymous visitors. */
  external_id: string | null;
  is_verified: Generated<boolean>;
  name: string | null;
  email: string | null;
  language: string | null;
  page_url: string | null;
  /** The page's title, its browser's User-Agent header and IANA time zone, as the last widget session saw them. */
  page_title: string | null;
  user_agent: string | null;
  time_zone: string | null;
  attributes: ColumnType<Record<string, string>, string | undefined, string>;
  created_at: CreatedAt;
  last_seen_at: Generated<Date>;
}

/** One per device a visitor uses; the token itself is never stored. */
export interface VisitorTokensTable {
  /** SHA-256 of the visitor token, hex. */
  token_hash: string;
  visitor_id: string;
  created_at: CreatedAt;
}

export interface ConversationsTable {
  id: Generated<string>;
  workspace_id: string;
  inbox_id: string;
  visitor_id: string;
  status: Generated<ConversationStatus>;
  assignee_id: string | null;
  /** The highest seq handed out in this conversation; bumped under the row lock. */
  last_seq: Generated<number>;
  last_message_at: Date | null;
  /** Queue order and the agent-set priority: 0 none, 1 low, 2 medium, 3 high, 4 urgent. */
  priority: Generated<number>;
  /** When a snoozed conversation opens again; set exactly while status is 'snoozed'. */
  snoozed_until: Date | null;
  team_id: string | null;
  /** Since when it waits for an agent; null while assigned (or closed). */
  queued_at: Date | null;
  /** Read receipts: the last seq the visitor read, and the last one any agent read; only ever increase. */
  visitor_read_seq: Generated<number>;
  agent_read_seq: Generated<number>;
  assigned_at: Date | null;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
}

export interface MessagesTable {
  id: Generated<string>;
  conversation_id: string;
  seq: number;
  sender_type: ActorType;
  sender_id: string | null;
  client_id: string | null;
  body: string;
  /** 'note': internal, seen by agents only; never delivered to the visitor. */
  kind: Generated<MessageKind>;
  /** to_tsvector('simple', body), kept by Postgres; for full-text search only. */
  search_vector: ColumnType<string, never, never>;
  created_at: CreatedAt;
  /** A copy of the message's attachments' metadata; null when it has none. */
  attachments: ColumnType<MessageAttachmentMeta[] | null, string | null | undefined, string | null>;
}

export interface ConversationEventsTable {
  conversation_id: string;
  seq: number;
  type: string;
  data: Json<Record<string, unknown>>;
  actor_type: ActorType;
  actor_id: string | null;
  created_at: CreatedAt;
}

export type Workspace = Selectable<WorkspacesTable>;
export type User = Selectable<UsersTable>;
export type Inbox = Selectable<InboxesTable>;
export type Visitor = Selectable<VisitorsTable>;
export type Conversation = Selectable<ConversationsTable>;
export type Message = Selectable<MessagesTable>;
export type NewMessage = Insertable<MessagesTable>;
export type ConversationEvent = Selectable<ConversationEventsTable>;
export type InboxUpdate = Updateable<InboxesTable>;

export interface InboxMembersTable {
  inbox_id: string;
  user_id: string;
}

export interface TeamsTable {
  id: Generated<string>;
  workspace_id: string;
  name: string;
  created_at: CreatedAt;
}

export interface TeamMembersTable {
  team_id: string;
  user_id: string;
}

export interface RoutingRulesTable {
  id: Generated<string>;
  inbox_id: string;
  position: number;
  field: 'page_url' | 'language' | 'attribute';
  attribute_key: string | null;
  pattern: string;
  team_id: string;
  created_at: CreatedAt;
}

export interface RoutingDecisionsTable {
  id: Generated<string>;
  conversation_id: string;
  workspace_id: string;
  outcome: RoutingOutcome;
  reason: string;
  chosen_user_id: string | null;
  /** Who was considered and how they stood: what an admin reads to see why. */
  candidates: Json<unknown[]>;
  decided_at: CreatedAt;
}

export type LabelColor = 'grey' | 'red' | 'orange' | 'amber' | 'green' | 'teal' | 'blue' | 'indigo' | 'purple' | 'pink';

export interface CannedResponsesTable {
  id: Generated<string>;
  workspace_id: string;
  /** The agent whose own response it is; null = shared by the whole workspace. */
  owner_id: string | null;
  /** Lower case [a-z0-9_-], typed after `/` in the composer. */
  shortcut: string;
  title: string;
  body: string;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
}

export interface LabelsTable {
  id: Generated<string>;
  workspace_id: string;
  name: string;
  color: LabelColor;
  created_at: CreatedAt;
}

export interface ConversationLabelsTable {
  conversation_id: string;
  label_id: string;
}

/** The pages a visitor viewed with the chat loaded, newest kept (20 per visitor). */
export interface VisitorPageViewsTable {
  id: Generated<string>;
  visitor_id: string;
  url: string;
  title: string | null;
  viewed_at: Generated<Date>;
}

/** A visitor's rating of a resolved conversation (CSAT); a new one within 24 h replaces it. */
export interface ConversationRatingsTable {
  conversation_id: string;
  workspace_id: string;
  /** 1 to 5. */
  rating: number;
  comment: string | null;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
}

export interface MessageAttachmentMeta {
  id: string;
  name: string;
  size: number;
  contentType: string;
  width?: number;
  height?: number;
}

export interface AttachmentsTable {
  id: Generated<string>;
  workspace_id: string;
  conversation_id: string | null;
  message_id: string | null;
  uploader_type: 'visitor' | 'agent';
  uploader_id: string;
  name: string;
  content_type: string;
  size_bytes: number;
  width: number | null;
  height: number | null;
  storage_key: string;
  created_at: CreatedAt;
}

/** A member named with @ in an internal note: their notification until they read it. */
export interface MentionsTable {
  id: Generated<string>;
  workspace_id: string;
  conversation_id: string;
  message_id: string;
  user_id: string;
  author_id: string | null;
  read_at: Date | null;
  created_at: CreatedAt;
}

/** Agents who wrote in a conversation or joined it; they follow it like its assignee. */
export interface ConversationParticipantsTable {
  conversation_id: string;
  user_id: string;
  joined_at: CreatedAt;
}

/** An agent's uploaded picture (PNG, JPEG or WebP, at most 512 KB), served to their workspace. */
export interface UserAvatarsTable {
  user_id: string;
  content: Buffer;
  content_type: 'image/png' | 'image/jpeg' | 'image/webp';
  updated_at: Generated<Date>;
}

/** One notification channel setting: which ways an event reaches the agent. */
export interface NotificationChannels {
  browser: boolean;
  sound: boolean;
  titleCount: boolean;
}

/** An agent's own preferences; a missing row or key means the default. */
export interface UserPreferencesTable {
  user_id: string;
  notifications: ColumnType<
    Partial<Record<'newConversation' | 'newMessageInMine' | 'mention', NotificationChannels>>,
    string | undefined,
    string
  >;
  auto_away_minutes: Generated<number>;
  updated_at: Generated<Date>;
}
