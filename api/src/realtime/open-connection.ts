import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import { presentEventsToVisitor, presentEventToVisitor } from '../presenters/visitor-event.ts';
import type { HelloFrame } from '../protocol/frames.ts';
import { loadEventRange } from '../services/conversations/load-events.ts';
import { Connection, type ConnectionOptions } from './connection.ts';
import type { ParsedFrame } from './frame-parser.ts';
import type { FrameAudience } from './hub.ts';

export interface OpenConnectionOptions<Frame extends { type: string; id?: string }> {
  parseFrame: (raw: string) => ParsedFrame<Frame>;
  /** The hub topic whose notices this socket receives. */
  topic: string;
  followFromFirstSight: boolean;
  admits?: ConnectionOptions<Frame>['admits'];
  /** Whether a frame with an audience (HubNotice's onlyFor) is for this socket; all are without. */
  isInAudience?: (audience: FrameAudience) => boolean;
  prepare?: ConnectionOptions<Frame>['prepare'];
  /** The session this socket belongs to, so signing out can close it. */
  sessionId?: string;
  userId?: string;
  runCommand: (frame: Exclude<Frame, HelloFrame | { type: 'ping' }>) => Promise<object>;
  /** Narrows conversation lookups to what this client may see. */
  scopeConversation: { column: 'visitor_id' | 'workspace_id'; value: string };
  onLive?: () => void;
  onClose?: () => void;
}

/** Wires a new socket to the hub and the registry of open connections; undoes it all on close. */
export function openConnection<Frame extends { type: string; id?: string }>(
  app: FastifyInstance,
  /** Not the upgrade request's own logger: holding it would keep the whole request alive with the socket. */
  log: FastifyBaseLogger,
  socket: WebSocket,
  options: OpenConnectionOptions<Frame>,
): Connection<Frame> {
  const { column, value } = options.scopeConversation;
  const kind = column === 'visitor_id' ? 'visitor' : 'agent';
  const { metrics } = app;
  const connection: Connection<Frame> & { sessionId?: string; userId?: string; topic?: string } = new Connection<Frame>(
    {
      socket,
      log,
      parseFrame: options.parseFrame,
      heartbeatMs: app.realtime.heartbeatMs,
      followFromFirstSight: options.followFromFirstSight,
      admits: options.admits,
      prepare: options.prepare,
      runCommand: options.runCommand,
      onLive: options.onLive,
      observe: metrics.observers[kind],
      async findLastSeq(conversationId) {
        const row = await app.db
          .selectFrom('conversations')
          .select('last_seq')
          .where('id', '=', conversationId)
          .where(column, '=', value)
          .executeTakeFirst();
        return row?.last_seq;
      },
      loadRange: async (conversationId, fromSeq, toSeq) => {
        const events = await loadEventRange(app.db, conversationId, fromSeq, toSeq);
        return kind === 'visitor' ? presentEventsToVisitor(events) : events;
      },
      onClose() {
        unsubscribe();
        app.realtime.connections.delete(connection);
        metrics.connections.dec({ kind });
        options.onClose?.();
      },
    },
  );
  connection.sessionId = options.sessionId;
  connection.userId = options.userId;
  connection.topic = options.topic;
  const unsubscribe = app.realtime.hub.subscribe(options.topic, (notice) =>
    'event' in notice
      ? connection.delivery.deliver(kind === 'visitor' ? presentEventToVisitor(notice.event) : notice.event)
      : (!notice.onlyFor || (options.isInAudience?.(notice.onlyFor) ?? true)) &&
        connection.delivery.sendIfLive(notice.frame),
  );
  app.realtime.connections.add(connection);
  metrics.connections.inc({ kind });
  return connection;
}
