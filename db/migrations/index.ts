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
};
