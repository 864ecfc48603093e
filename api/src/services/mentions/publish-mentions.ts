import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { NoteFrame } from '../../protocol/note-rest.ts';
import { countUnreadMentions, loadMention } from './load-mentions.ts';
import { memberTopic } from './mention-topic.ts';
import type { StoredMention } from './record-mentions.ts';

function publishToMember(app: FastifyInstance, workspaceId: string, userId: string, frame: NoteFrame): void {
  app.realtime.hub.publish(memberTopic(workspaceId, userId), { workspaceId, frame });
}

/** After the note committed: each mentioned member's sockets get mention.created with their unread count. */
export async function publishMentions(
  app: FastifyInstance,
  log: FastifyBaseLogger,
  workspaceId: string,
  mentions: readonly StoredMention[],
): Promise<void> {
  for (const { id, userId } of mentions) {
    try {
      const reader = { workspaceId, userId };
      const mention = await loadMention(app.db, reader, id);
      if (!mention) continue;
      const unreadCount = await countUnreadMentions(app.db, reader);
      publishToMember(app, workspaceId, userId, { type: 'mention.created', data: { mention, unreadCount } });
    } catch (error) {
      // The mention is stored; the console reads GET /v1/mentions when it (re)connects.
      log.error({ err: error }, 'publishing a mention failed');
    }
  }
}

/** The member read mentions: their other devices update the count. */
export function publishMentionsRead(app: FastifyInstance, workspaceId: string, userId: string, unreadCount: number) {
  publishToMember(app, workspaceId, userId, { type: 'mentions.read', data: { unreadCount } });
}
