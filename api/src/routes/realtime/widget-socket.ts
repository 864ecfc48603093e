import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../app-error.ts';
import { refuseVisitorNote } from '../../commands/note-policy.ts';
import { sendVisitorMessage, type VisitorPrincipal } from '../../commands/send-visitor-message.ts';
import { isAllowedOrigin } from '../../plugins/origins.ts';
import { WIDGET_WS_PATH } from '../../protocol/constants.ts';
import { type VisitorFrame, VisitorFrameSchemas } from '../../protocol/frames.ts';
import { announce } from '../../realtime/after-commit.ts';
import { createFrameParser } from '../../realtime/frame-parser.ts';
import { topics } from '../../realtime/hub.ts';
import { openConnection } from '../../realtime/open-connection.ts';
import { sendQueuePositions } from '../../realtime/queue-positions.ts';
import { releaseUpgradeRequest } from '../../realtime/release-upgrade.ts';
import { isTypingClientFrame, TypingSession } from '../../realtime/typing-session.ts';
import { checkIdentityRequirement, findVisitorByToken } from '../../services/visitors/visitor-access.ts';
import { tokenFromSubprotocols } from './subprotocols.ts';

const parseVisitorFrame = createFrameParser<VisitorFrame>(VisitorFrameSchemas);
const visitors = new WeakMap<FastifyRequest, VisitorPrincipal>();

export async function widgetSocketRoute(app: FastifyInstance) {
  /** Before the upgrade: a known visitor token, from a page whose origin the visitor's inbox allows. */
  async function authenticateVisitor(request: FastifyRequest) {
    const token = tokenFromSubprotocols(request.headers['sec-websocket-protocol']);
    const visitor = token ? await findVisitorByToken(app.db, token) : undefined;
    if (!visitor) throw new AppError('auth/required', 'A valid visitor token is required.');
    if (!isAllowedOrigin(request.headers.origin, visitor.allowedOrigins))
      throw new AppError('auth/origin_forbidden', 'This site is not allowed to use this inbox.');
    checkIdentityRequirement(visitor);
    visitors.set(request, visitor);
  }

  app.get(WIDGET_WS_PATH, { websocket: true, preValidation: authenticateVisitor }, (socket, request) => {
    releaseUpgradeRequest(socket, request);
    // Thousands of idle visitor sockets: each keeps only what it needs, not the upgrade request.
    const { visitorId, workspaceId, inboxId } = visitors.get(request)!;
    const visitor: VisitorPrincipal = { visitorId, workspaceId, inboxId };
    const log = app.log;
    const connection = openConnection<VisitorFrame>(app, log, socket, {
      // A waiting visitor hears their place at once, not only when the queue next moves.
      onLive() {
        void sendQueuePositions(app, visitor.visitorId, (frame) => connection.send(frame)).catch((error) =>
          log.error({ err: error, visitorId: visitor.visitorId }, 'queue position failed'),
        );
        // "Last seen" is when the widget last connected; sends do not touch the visitor row, to stay one statement.
        void app.db
          .updateTable('visitors')
          .set({ last_seen_at: new Date() })
          .where('id', '=', visitor.visitorId)
          .execute()
          .catch((error) => log.warn({ err: error, visitorId: visitor.visitorId }, 'last seen not updated'));
      },
      parseFrame: parseVisitorFrame,
      topic: topics.visitor(visitor.visitorId),
      followFromFirstSight: false,
      scopeConversation: { column: 'visitor_id', value: visitor.visitorId },
      async runCommand(frame) {
        if (isTypingClientFrame(frame)) return typing.run(frame);
        refuseVisitorNote(frame.data);
        const outcome = await sendVisitorMessage(app.db, visitor, frame.data, (append) =>
          app.messageAppends.appendVisitor(append),
        );
        announce(app, log, outcome.scope, outcome.events, {
          routeConversationId: outcome.isNewConversation ? outcome.message.conversationId : undefined,
        });
        return { message: outcome.message };
      },
    });
    const typing = new TypingSession(app, socket, connection, { kind: 'visitor', workspaceId, visitorId });
  });
}
