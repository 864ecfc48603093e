import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { AppError } from '../../app-error.ts';
import { assignByAgent } from '../../commands/assign-by-agent.ts';
import type { AgentActor } from '../../commands/send-agent-message.ts';
import { setConversationPriority } from '../../commands/set-priority.ts';
import { parseSnoozedUntil, setStatusIn } from '../../commands/set-status.ts';
import type { BulkAction, BulkResult } from '../../protocol/bulk-rest.ts';
import { announce, publishQueueState } from '../../realtime/after-commit.ts';
import { changeConversationLabel } from '../../services/labels/conversation-labels.ts';
import { runTransaction } from '../../services/run-transaction.ts';
import { publishConversationLabels } from '../labels/publish-label-changes.ts';
import { announceStatus } from './status-commands.ts';
import { runSetTeam } from './team-commands.ts';

type ApplyOne = (conversationId: string) => Promise<void>;

/** One conversation's change as its own command: committed (and announced) entirely, or not at all. */
function applierOf(app: FastifyInstance, log: FastifyBaseLogger, agent: AgentActor, action: BulkAction): ApplyOne {
  const { workspaceId } = agent;
  switch (action.type) {
    case 'status': {
      // Checked once for all: a bad snooze time refuses the whole request.
      const snoozedUntil = parseSnoozedUntil(action);
      return async (conversationId) => {
        const outcome = await runTransaction(app.db, (trx) =>
          setStatusIn(trx, agent, { conversationId, status: action.status, snoozedUntil }),
        );
        announceStatus(app, log, workspaceId, outcome);
      };
    }
    case 'priority':
      return async (conversationId) => {
        const { conversation, events } = await setConversationPriority(app.db, agent, {
          conversationId,
          priority: action.priority,
        });
        announce(app, log, { workspaceId, visitorId: conversation.visitor.id }, events);
      };
    case 'assign':
      return async (conversationId) => {
        const outcome = await assignByAgent(app.db, agent, { conversationId, assigneeId: action.assigneeId });
        const scope = { workspaceId, visitorId: outcome.conversation.visitor.id };
        const { inboxId } = outcome.conversation;
        if (outcome.previousAssigneeId) announce(app, log, scope, outcome.events, { inboxIdWhoseQueueMoved: inboxId });
        else {
          announce(app, log, scope, outcome.events);
          if (outcome.events.length > 0)
            void publishQueueState(app, inboxId, workspaceId).catch((error) =>
              log.error({ err: error }, 'queue state failed'),
            );
        }
      };
    case 'team':
      return async (conversationId) => {
        await runSetTeam(app, log, agent, { conversationId, teamId: action.teamId });
      };
    case 'label':
      return async (conversationId) => {
        const labels = await changeConversationLabel(app.db, workspaceId, {
          conversationId,
          labelId: action.labelId,
          action: action.change,
        });
        publishConversationLabels(app, workspaceId, conversationId, labels);
      };
  }
}

/** Applies the action to each id in turn; a refusal of one (not found, resolved…) does not stop the others. */
export async function applyBulkAction(
  app: FastifyInstance,
  log: FastifyBaseLogger,
  agent: AgentActor,
  ids: readonly string[],
  action: BulkAction,
): Promise<BulkResult> {
  const applyOne = applierOf(app, log, agent, action);
  const results: BulkResult['results'] = [];
  for (const id of ids) {
    try {
      await applyOne(id);
      results.push({ id, ok: true });
    } catch (error) {
      if (!(error instanceof AppError)) {
        log.error({ err: error, conversationId: id }, 'bulk action failed');
        results.push({ id, ok: false, code: 'server/internal', message: 'Something went wrong.' });
      } else results.push({ id, ok: false, code: error.code, message: error.message });
    }
  }
  return { results };
}
