import type { ConversationList, ParticipantList, ServerFrame } from '@parley/api/protocol';
import { describe, expect, it, vi } from 'vitest';
import { countViews } from '../inbox/list-views.ts';
import type { ConsoleApi } from './console-store.ts';
import { setup } from './console-store-harness.ts';
import { AGENT, CONVERSATION_ID, ME, makeSummary } from './test-fixtures.ts';

// Participants have no seq: a join or leave the socket could not tell (it was not live yet, or was down)
// comes with the next list read, even at the seq the cache holds; a read older than a change the socket
// told does not undo it.

const HOLDER = { id: AGENT.id, name: AGENT.name };
const held = (participantIds: string[]) => makeSummary({ lastSeq: 3, assignee: HOLDER, participantIds });
const joinedAt = '2025-01-01T12:05:00.000Z';
const changed = (ids: string[]): ServerFrame => ({
  type: 'conversation.participants_changed',
  data: { conversationId: CONVERSATION_ID, participants: ids.map((id) => ({ id, name: 'Someone', joinedAt })) },
});

/** The list over REST, answered per test. */
const listing = () => vi.fn<ConsoleApi['listConversations']>(async () => ({ conversations: [held([])] }));

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

describe('ConsoleStore participants', () => {
  it('takes a join the socket missed from the list read once live, at the same seq', async () => {
    const api = { listConversations: listing() };
    const { store, connection } = setup(api);
    api.listConversations.mockResolvedValueOnce({ conversations: [held([])] });
    store.start();
    await store.loadList('all');
    const participatingOf = () => countViews(store.getSnapshot().cache, ME.id).participating;
    expect(participatingOf()).toBe(0);

    // Joined elsewhere while the socket was connecting: the change was announced to live sockets only.
    api.listConversations.mockResolvedValue({ conversations: [held([ME.id])] });
    connection.becomeReady();
    await vi.waitFor(() => expect(participatingOf()).toBe(1));

    // Left while the socket was down: the read after the reconnect takes it out.
    connection.drop();
    api.listConversations.mockResolvedValue({ conversations: [held([])] });
    connection.becomeReady();
    await vi.waitFor(() => expect(participatingOf()).toBe(0));
  });

  it('keeps a participants_changed that came while an older read was in flight', async () => {
    const api = { listConversations: listing() };
    const { store, connection } = setup(api);
    store.start();
    connection.becomeReady();
    api.listConversations.mockResolvedValueOnce({ conversations: [held([])] });
    await store.loadList('all');
    const read = deferred<ConversationList>();
    api.listConversations.mockReturnValueOnce(read.promise);
    const loading = store.loadList('all');
    connection.receive(changed([ME.id]));
    expect(store.getSnapshot().cache.conversations.get(CONVERSATION_ID)?.summary.participantIds).toEqual([ME.id]);
    read.resolve({ conversations: [held([])] });
    await loading;
    expect(store.getSnapshot().cache.conversations.get(CONVERSATION_ID)?.summary.participantIds).toEqual([ME.id]);
    // A read that begins after it is the newest again.
    api.listConversations.mockResolvedValueOnce({ conversations: [held([])] });
    await store.loadList('all');
    expect(store.getSnapshot().cache.conversations.get(CONVERSATION_ID)?.summary.participantIds).toEqual([]);
  });

  it("applies a join's answer at once, before (or without) the socket's participants_changed", async () => {
    const api = { listConversations: listing() };
    const { store, connection } = setup(api);
    api.listConversations.mockResolvedValueOnce({ conversations: [held([])] });
    store.start();
    await store.loadList('all');
    const answer: ParticipantList = { participants: [{ id: ME.id, name: ME.name, joinedAt }] };
    await expect(store.changeParticipants(CONVERSATION_ID, async () => answer)).resolves.toBe(answer);
    expect(countViews(store.getSnapshot().cache, ME.id).participating).toBe(1);

    // A change the socket told while the request was in flight is newer than its answer.
    const leave = deferred<ParticipantList>();
    const leaving = store.changeParticipants(CONVERSATION_ID, () => leave.promise);
    connection.receive(changed([ME.id, AGENT.id]));
    leave.resolve({ participants: [] });
    await leaving;
    expect(store.getSnapshot().cache.conversations.get(CONVERSATION_ID)?.summary.participantIds).toEqual([
      ME.id,
      AGENT.id,
    ]);
  });
});
