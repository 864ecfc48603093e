import type { Migration } from 'kysely';
import * as initial from './2026_11_25_0400_initial.ts';
import * as routing from './2026_11_25_0500_routing.ts';
import * as recentAssignments from './2026_12_01_1900_recent_assignments.ts';
import * as visitorIdentity from './2026_12_01_1910_visitor_identity.ts';
import * as messageSearch from './2026_12_01_1920_message_search.ts';
import * as uniqueTeamNames from './2026_12_01_1930_unique_team_names.ts';
import * as invitations from './2026_12_01_2200_invitations.ts';
import * as cannedResponsesAndLabels from './2026_12_01_2210_canned_responses_and_labels.ts';
import * as appendMessages from './2026_12_01_2240_append_messages.ts';
import * as visitorPages from './2026_12_01_2250_visitor_pages.ts';
import * as readReceipts from './2026_12_02_0310_read_receipts.ts';
import * as statusPriority from './2026_12_02_0320_status_priority.ts';
import * as internalNotes from './2026_12_02_0330_internal_notes.ts';
import * as attachments from './2026_12_02_0340_attachments.ts';
import * as contacts from './2026_12_02_0350_contacts.ts';
import * as csat from './2026_12_02_0360_csat.ts';
import * as personalSettings from './2026_12_02_0380_personal_settings.ts';
import * as hotConversationUpdates from './2026_12_02_0400_hot_conversation_updates.ts';
import * as appendByKey from './2026_12_02_0410_append_by_key.ts';
import * as appendOneVisitorMessage from './2026_12_03_0100_append_one_visitor_message.ts';
import * as agentReplyJoins from './2026_12_03_0110_agent_reply_joins.ts';
import * as appendAgentMessages from './2026_12_03_0120_append_agent_messages.ts';
import * as searchPendingList from './2026_12_03_0130_search_pending_list.ts';

/** Every migration, by name; names sort in the order they run. */
export const migrations: Record<string, Migration> = {
  '2026_11_25_0400_initial': initial,
  '2026_11_25_0500_routing': routing,
  '2026_12_01_1900_recent_assignments': recentAssignments,
  '2026_12_01_1910_visitor_identity': visitorIdentity,
  '2026_12_01_1920_message_search': messageSearch,
  '2026_12_01_1930_unique_team_names': uniqueTeamNames,
  '2026_12_01_2200_invitations': invitations,
  '2026_12_01_2210_canned_responses_and_labels': cannedResponsesAndLabels,
  '2026_12_01_2240_append_messages': appendMessages,
  '2026_12_01_2250_visitor_pages': visitorPages,
  '2026_12_02_0310_read_receipts': readReceipts,
  '2026_12_02_0360_csat': csat,
  '2026_12_02_0320_status_priority': statusPriority,
  '2026_12_02_0330_internal_notes': internalNotes,
  '2026_12_02_0340_attachments': attachments,
  '2026_12_02_0350_contacts': contacts,
  '2026_12_02_0380_personal_settings': personalSettings,
  '2026_12_02_0400_hot_conversation_updates': hotConversationUpdates,
  '2026_12_02_0410_append_by_key': appendByKey,
  '2026_12_03_0100_append_one_visitor_message': appendOneVisitorMessage,
  '2026_12_03_0110_agent_reply_joins': agentReplyJoins,
  '2026_12_03_0120_append_agent_messages': appendAgentMessages,
  '2026_12_03_0130_search_pending_list': searchPendingList,
};
