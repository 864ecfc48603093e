import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { AppError } from '../app-error.ts';
import type { Message } from '../protocol/entities.ts';
import { announce } from '../realtime/after-commit.ts';
import { publishMentions } from '../services/mentions/publish-mentions.ts';
import { publishParticipants } from '../services/participants/publish-participants.ts';
import type { AgentActor } from './send-agent-message.ts';
import { sendNote } from './send-note.ts';

/** message.send with kind 'note' from an agent's socket: store, then tell the conversation, the mentioned and the workspace. */
export async function sendNoteAndAnnounce(
  app: FastifyInstance,
  log: FastifyBaseLogger,
  agent: AgentActor,
  input: { clientId: string; conversationId: string; body: string; attachmentIds?: string[] },
): Promise<{ message: Message }> {
  const { attachmentIds, ...note } = input;
  if (attachmentIds?.length) throw new AppError('frame/invalid', 'Internal notes cannot carry attachments.');
  const outcome = await sendNote(app.db, agent, note);
  // The visitor's topic hears it too, as conversation.seq_skipped (see presenters/visitor-event.ts).
  announce(app, log, outcome.scope, outcome.events);
  void publishMentions(app, log, agent.workspaceId, outcome.mentions);
  const { workspaceId, userId } = agent;
  if (outcome.isNewParticipant)
    void publishParticipants(app, log, { workspaceId, conversationId: outcome.message.conversationId, userId });
  return { message: outcome.message };
}
