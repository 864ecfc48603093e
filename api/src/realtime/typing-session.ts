import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import { AppError, notFound } from '../app-error.ts';
import type { ServerFrame } from '../protocol/frames.ts';
import {
  type ConversationReadFrame,
  type ConversationViewFrame,
  type EphemeralFrame,
  TYPING_LIMITS,
  type TypingSetFrame,
} from '../protocol/typing-frames.ts';
import { type EphemeralNotice, topics } from './hub.ts';
import { markConversationRead } from './read-receipts.ts';
import { createTokenBucket } from './token-bucket.ts';

/** The frames this session answers, from either kind of socket (conversation.view: agents only). */
export type TypingClientFrame = TypingSetFrame | ConversationReadFrame | ConversationViewFrame;

const TYPES: ReadonlySet<string> = new Set(['typing.set', 'conversation.read', 'conversation.view']);
export const isTypingClientFrame = (frame: { type: string }): frame is TypingClientFrame => TYPES.has(frame.type);

/** Conversations this socket was found allowed to touch, remembered up to this many. */
const MAX_KNOWN = 200;

export type TypingSide =
  | { kind: 'visitor'; workspaceId: string; visitorId: string }
  | { kind: 'agent'; workspaceId: string; userId: string; isFollowed: (conversationId: string) => boolean };

interface Sink {
  delivery: { sendIfLive(frame: ServerFrame): void };
}

/**
 * One socket's typing indicators, read receipts and (agents) viewing: answers its frames, relays them to
 * the other side through the hub's ephemeral channel, and passes on to it what concerns it. A visitor
 * hears agents (on its visitor topic); an agent hears, for the conversations it follows, the visitor and
 * its teammates (on the workspace topic), never its own echo.
 */
export class TypingSession {
  readonly #app: FastifyInstance;
  readonly #side: TypingSide;
  readonly #sink: Sink;
  readonly #tryTakeToken = createTokenBucket(TYPING_LIMITS.framesPerSecond, TYPING_LIMITS.framesPerSecond * 2);
  /** conversationId → its visitorId, for conversations this socket may touch. */
  readonly #known = new Map<string, string>();
  #agentName: string | undefined;
  #viewing: string | null = null;
  readonly #renewTimer: NodeJS.Timeout | undefined;
  readonly #unsubscribe: () => void;

  constructor(app: FastifyInstance, socket: WebSocket, sink: Sink, side: TypingSide) {
    this.#app = app;
    this.#side = side;
    this.#sink = sink;
    const topic = side.kind === 'visitor' ? topics.visitor(side.visitorId) : topics.workspace(side.workspaceId);
    this.#unsubscribe = app.realtime.hub.subscribeEphemeral(topic, (notice) => this.#hear(notice));
    if (side.kind === 'agent') {
      this.#renewTimer = setInterval(() => this.#announceViewing(false), TYPING_LIMITS.viewerRenewMs);
      this.#renewTimer.unref();
    }
    socket.on('close', () => this.#close());
  }

  /** Answers one frame; the value is the ack's data. */
  async run(frame: TypingClientFrame): Promise<object> {
    if (!this.#tryTakeToken()) throw new AppError('rate/limited', 'Too many typing, read or view frames; slow down.');
    switch (frame.type) {
      case 'typing.set':
        await this.#typing(frame.data.conversationId, frame.data.isTyping);
        return {};
      case 'conversation.read':
        return this.#read(frame.data.conversationId, frame.data.seq);
      case 'conversation.view':
        await this.#view(frame.data.conversationId);
        return {};
    }
  }

  async #typing(conversationId: string, isTyping: boolean): Promise<void> {
    const visitorId = await this.#check(conversationId);
    if (this.#side.kind === 'visitor') {
      const frame: EphemeralFrame = { type: 'typing', data: { conversationId, isTyping, by: { type: 'visitor' } } };
      this.#publish(topics.workspace(this.#side.workspaceId), { conversationId, frame });
      return;
    }
    const by = { type: 'agent' as const, id: this.#side.userId, name: await this.#nameOfAgent() };
    const frame: EphemeralFrame = { type: 'typing', data: { conversationId, isTyping, by } };
    this.#publish(topics.visitor(visitorId), { conversationId, frame });
    this.#publish(topics.workspace(this.#side.workspaceId), { conversationId, frame });
  }

  async #read(conversationId: string, seq: number): Promise<{ seq: number }> {
    const side = this.#side;
    const reader = { workspaceId: side.workspaceId, visitorId: side.kind === 'visitor' ? side.visitorId : undefined };
    const outcome = await markConversationRead(this.#app.db, reader, conversationId, seq);
    if (outcome.changed) {
      const frame: EphemeralFrame = {
        type: 'conversation.read_up_to',
        data: { conversationId, reader: side.kind === 'visitor' ? 'visitor' : 'agents', seq: outcome.seq },
      };
      const topic = side.kind === 'visitor' ? topics.workspace(side.workspaceId) : topics.visitor(outcome.visitorId);
      this.#publish(topic, { conversationId, frame });
    }
    return { seq: outcome.seq };
  }

  async #view(conversationId: string | null): Promise<void> {
    if (this.#side.kind !== 'agent') throw new AppError('frame/unknown_type', 'conversation.view is for agents.');
    if (conversationId) await this.#check(conversationId);
    if (conversationId === this.#viewing) return;
    await this.#announceLeaving();
    this.#viewing = conversationId;
    await this.#announceViewing(true);
  }

  async #announceViewing(wantsReply: boolean): Promise<void> {
    const conversationId = this.#viewing;
    if (!conversationId || this.#side.kind !== 'agent') return;
    const agent = { id: this.#side.userId, name: await this.#nameOfAgent() };
    const frame: EphemeralFrame = { type: 'conversation.viewer', data: { conversationId, agent, isViewing: true } };
    this.#publish(topics.workspace(this.#side.workspaceId), { conversationId, frame, wantsReply });
  }

  async #announceLeaving(): Promise<void> {
    const conversationId = this.#viewing;
    if (!conversationId || this.#side.kind !== 'agent') return;
    const agent = { id: this.#side.userId, name: await this.#nameOfAgent() };
    const frame: EphemeralFrame = { type: 'conversation.viewer', data: { conversationId, agent, isViewing: false } };
    this.#publish(topics.workspace(this.#side.workspaceId), { conversationId, frame });
  }

  #hear(notice: EphemeralNotice): void {
    const side = this.#side;
    if (side.kind === 'agent') {
      if (notice.from === side.userId) return;
      const isViewed = notice.conversationId === this.#viewing;
      if (!isViewed && !side.isFollowed(notice.conversationId)) return;
      // A teammate just opened the conversation this agent views: tell them who is here.
      if (notice.wantsReply && isViewed) void this.#announceViewing(false).catch(() => {});
    }
    this.#sink.delivery.sendIfLive(notice.frame);
  }

  #publish(topic: string, notice: Omit<EphemeralNotice, 'from'>): void {
    const from = this.#side.kind === 'visitor' ? this.#side.visitorId : this.#side.userId;
    this.#app.realtime.hub.publishEphemeral(topic, { ...notice, from });
  }

  /** The conversation's visitor, or conversation/not_found when it is not this socket's to touch. */
  async #check(conversationId: string): Promise<string> {
    const known = this.#known.get(conversationId);
    if (known) return known;
    let query = this.#app.db
      .selectFrom('conversations')
      .select('visitor_id')
      .where('id', '=', conversationId)
      .where('workspace_id', '=', this.#side.workspaceId);
    if (this.#side.kind === 'visitor') query = query.where('visitor_id', '=', this.#side.visitorId);
    const row = await query.executeTakeFirst();
    if (!row) throw notFound('conversation');
    if (this.#known.size >= MAX_KNOWN) this.#known.clear();
    this.#known.set(conversationId, row.visitor_id);
    return row.visitor_id;
  }

  async #nameOfAgent(): Promise<string> {
    if (this.#side.kind !== 'agent') return '';
    this.#agentName ??= (
      await this.#app.db
        .selectFrom('users')
        .select('name')
        .where('id', '=', this.#side.userId)
        .executeTakeFirstOrThrow()
    ).name;
    return this.#agentName;
  }

  #close(): void {
    this.#unsubscribe();
    clearInterval(this.#renewTimer);
    void this.#announceLeaving().catch(() => {});
  }
}
