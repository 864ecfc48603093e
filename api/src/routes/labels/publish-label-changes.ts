import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { LabelFrame } from '../../protocol/frames.ts';
import type { Label } from '../../protocol/label-rest.ts';
import { topics } from '../../realtime/hub.ts';
import { loadLabels } from '../../services/labels/load-labels.ts';

// Label changes reach every agent socket of the workspace at once (never a visitor's: they go to the
// workspace topic only). Called after the change has committed.

function publishToAgents(app: FastifyInstance, workspaceId: string, frame: LabelFrame): void {
  app.realtime.hub.publish(topics.workspace(workspaceId), { workspaceId, frame });
}

export function publishConversationLabels(
  app: FastifyInstance,
  workspaceId: string,
  conversationId: string,
  labels: Label[],
): void {
  publishToAgents(app, workspaceId, { type: 'conversation.labels_changed', data: { conversationId, labels } });
}

/**
 * A label was created, renamed, recoloured or deleted: the workspace's whole set goes out, so a console
 * fixes every chip it shows without reading each conversation again.
 */
export async function publishLabelSet(app: FastifyInstance, log: FastifyBaseLogger, workspaceId: string) {
  try {
    publishToAgents(app, workspaceId, {
      type: 'labels.changed',
      data: { labels: await loadLabels(app.db, workspaceId) },
    });
  } catch (error) {
    // The change is stored; consoles read the labels again when their window gets the focus back.
    log.error({ err: error }, 'publishing the labels failed');
  }
}
