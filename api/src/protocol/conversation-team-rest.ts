import Type, { type Static } from 'typebox';
import { ConversationSummarySchema, UuidSchema } from './entities.ts';

/**
 * PUT /v1/conversations/:id/team: any agent moves the conversation to a team of the workspace, or out of
 * any team (null). A team of another workspace answers `team/not_found` and changes nothing.
 */
export const ConversationTeamBodySchema = Type.Object(
  { teamId: Type.Union([UuidSchema, Type.Null()]) },
  { additionalProperties: false },
);
export type ConversationTeamBody = Static<typeof ConversationTeamBodySchema>;

export const ConversationTeamResultSchema = Type.Object({ conversation: ConversationSummarySchema });
export type ConversationTeamResult = Static<typeof ConversationTeamResultSchema>;
