import type { Label, ServerFrame } from '@parley/api/protocol';
import { describe, expect, it, vi } from 'vitest';
import type { ConnectionHandlers } from '../realtime/agent-connection.ts';
import { ConsoleStore } from '../realtime/console-store.ts';
import { Outbox } from '../realtime/outbox.ts';
import { CONVERSATION_ID, ME, OTHER_CONVERSATION_ID } from '../realtime/test-fixtures.ts';
import { forgetLabels, getLabelSnapshot, rememberConversationLabels, rememberWorkspaceLabels } from './label-store.ts';

// Label frames from the agent socket go to the label store (never into the conversation cache): a
// conversation's labels replace what was known, the workspace's set renames, recolours and drops chips.

const refund: Label = { id: '0190a000-0000-7000-8000-00000000a001', name: 'Refund', color: 'red' };
const urgent: Label = { id: '0190a000-0000-7000-8000-00000000a002', name: 'Urgent', color: 'orange' };
const vip: Label = { id: '0190a000-0000-7000-8000-00000000a003', name: 'VIP', color: 'purple' };

/** A console store whose socket frames the test hands in; the REST api is never asked. */
function createStore() {
  let handlers: ConnectionHandlers | undefined;
  const notCalled = vi.fn(() => Promise.reject(new Error('not in this test')));
  const store = new ConsoleStore({
    userId: ME.id,
    api: {
      listConversations: notCalled,
      getConversation: notCalled,
      isSessionValid: notCalled,
      listInboxes: notCalled,
      getQueue: notCalled,
      listMembers: notCalled,
    },
    outbox: new Outbox(null, 'test'),
    createConnection: (given) => {
      handlers = given;
      return { start() {}, stop() {}, send: () => false, reconnectNow() {} };
    },
    onUnauthorized() {},
  });
  const receive = (frame: ServerFrame) => handlers!.onFrame(frame);
  return { store, receive, notCalled };
}

describe('label frames in the console store', () => {
  it('conversation.labels_changed replaces the conversation’s labels and leaves the conversation cache alone', () => {
    const { store, receive, notCalled } = createStore();
    const cacheBefore = store.getSnapshot().cache;
    const heard = vi.fn();
    store.subscribe(heard);

    receive({ type: 'conversation.labels_changed', data: { conversationId: CONVERSATION_ID, labels: [refund] } });
    expect(getLabelSnapshot().byConversation.get(CONVERSATION_ID)).toEqual([refund]);
    receive({ type: 'conversation.labels_changed', data: { conversationId: CONVERSATION_ID, labels: [] } });
    expect(getLabelSnapshot().byConversation.get(CONVERSATION_ID)).toEqual([]);

    expect(store.getSnapshot().cache).toBe(cacheBefore);
    expect(store.getSnapshot().cache.conversations.has(CONVERSATION_ID)).toBe(false);
    expect(heard).not.toHaveBeenCalled();
    expect(notCalled).not.toHaveBeenCalled();
  });

  it('labels.changed renames, recolours and drops chips on every conversation, in the set’s order', () => {
    const { store, receive } = createStore();
    const cacheBefore = store.getSnapshot().cache;
    rememberConversationLabels([
      { id: CONVERSATION_ID, labels: [refund, urgent, vip] },
      { id: OTHER_CONVERSATION_ID, labels: [urgent] },
    ]);

    // Urgent was deleted, Refund is now a green "Returns", and VIP became "A-list", which sorts first.
    const returns: Label = { ...refund, name: 'Returns', color: 'green' };
    const aList: Label = { ...vip, name: 'A-list' };
    receive({ type: 'labels.changed', data: { labels: [aList, returns] } });

    expect(getLabelSnapshot().byConversation.get(CONVERSATION_ID)).toEqual([aList, returns]);
    expect(getLabelSnapshot().byConversation.get(OTHER_CONVERSATION_ID)).toEqual([]);
    expect(getLabelSnapshot().workspace).toEqual([aList, returns]);
    expect(store.getSnapshot().cache).toBe(cacheBefore);
  });

  it('a REST read of the set only lists the labels: it may be older than the chips heard since', () => {
    rememberConversationLabels([{ id: CONVERSATION_ID, labels: [refund, vip] }]);
    rememberWorkspaceLabels([refund]);
    expect(getLabelSnapshot().workspace).toEqual([refund]);
    expect(getLabelSnapshot().byConversation.get(CONVERSATION_ID)).toEqual([refund, vip]);
  });

  it('signing out forgets every label, so the next agent on the tab starts empty', () => {
    rememberConversationLabels([{ id: CONVERSATION_ID, labels: [refund] }]);
    rememberWorkspaceLabels([refund, vip]);
    forgetLabels();
    expect(getLabelSnapshot().workspace).toEqual([]);
    expect(getLabelSnapshot().byConversation.size).toBe(0);
  });
});
