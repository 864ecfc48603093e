import { describe, expect, it } from 'vitest';
import { Outbox } from './outbox.ts';
import { createMemoryStorage, getOutboxKey } from './storage.ts';

const KEY = getOutboxKey('site_1');

function makeEntry(n: number) {
  return { clientId: `client${n}abc`, body: `hello ${n}`, createdAt: `2026-01-01T00:00:0${n}.000Z` };
}

describe('Outbox', () => {
  it('persists added entries so a fresh outbox (a reload) sees them', () => {
    const storage = createMemoryStorage();
    new Outbox(storage, KEY).add(makeEntry(1));
    new Outbox(storage, KEY).add(makeEntry(2));

    const reloaded = new Outbox(storage, KEY);
    expect(reloaded.list().map((entry) => entry.body)).toEqual(['hello 1', 'hello 2']);
    expect(reloaded.listPending()).toHaveLength(2);
    expect(storage.getItem(KEY)).toContain('client1abc');
  });

  it('removes an entry on ack and clears the key when empty', () => {
    const storage = createMemoryStorage();
    const outbox = new Outbox(storage, KEY);
    outbox.add(makeEntry(1));
    outbox.add(makeEntry(2));

    expect(outbox.remove('client1abc')).toBe(true);
    expect(outbox.remove('client1abc')).toBe(false);
    expect(outbox.list().map((entry) => entry.clientId)).toEqual(['client2abc']);
    outbox.remove('client2abc');
    expect(storage.getItem(KEY)).toBeNull();
  });

  it('marks failed, keeps failed entries out of the resend list, and retries them', () => {
    const outbox = new Outbox(createMemoryStorage(), KEY);
    outbox.add(makeEntry(1));
    outbox.add(makeEntry(2));

    outbox.markFailed('client1abc', 'message/too_long');
    expect(outbox.get('client1abc')).toMatchObject({ status: 'failed', errorCode: 'message/too_long' });
    expect(outbox.listPending().map((entry) => entry.clientId)).toEqual(['client2abc']);

    const retried = outbox.markPending('client1abc');
    expect(retried).toEqual({ ...makeEntry(1), status: 'pending' });
    expect(outbox.listPending()).toHaveLength(2);
  });

  it('keeps the same clientId across retries and adding twice does not duplicate', () => {
    const outbox = new Outbox(createMemoryStorage(), KEY);
    outbox.add(makeEntry(1));
    outbox.add(makeEntry(1));
    outbox.markFailed('client1abc', 'server/internal');
    outbox.markPending('client1abc');
    expect(outbox.list()).toHaveLength(1);
    expect(outbox.list()[0]?.clientId).toBe('client1abc');
  });

  it('does not lose entries written by another tab in between', () => {
    const storage = createMemoryStorage();
    const tabA = new Outbox(storage, KEY);
    const tabB = new Outbox(storage, KEY);
    tabA.add(makeEntry(1));
    tabB.add(makeEntry(2));
    tabA.remove('client1abc');
    expect(tabB.list().map((entry) => entry.clientId)).toEqual(['client2abc']);
  });

  it('drops the entries the server already stored', () => {
    const outbox = new Outbox(createMemoryStorage(), KEY);
    outbox.add(makeEntry(1));
    outbox.add(makeEntry(2));
    expect(outbox.removeStored((clientId) => clientId === 'client2abc')).toBe(true);
    expect(outbox.removeStored(() => false)).toBe(false);
    expect(outbox.list().map((entry) => entry.clientId)).toEqual(['client1abc']);
  });

  it('remembers that an entry must start a new conversation', () => {
    const storage = createMemoryStorage();
    new Outbox(storage, KEY).add(makeEntry(1));
    new Outbox(storage, KEY).markNewConversation('client1abc');
    expect(new Outbox(storage, KEY).get('client1abc')?.isNewConversation).toBe(true);
  });

  it('discards a failed entry for good, in every tab, but never a pending one', () => {
    const storage = createMemoryStorage();
    const tabA = new Outbox(storage, KEY);
    tabA.add(makeEntry(1));
    tabA.add(makeEntry(2));
    tabA.markFailed('client1abc', 'rate/limited');

    expect(tabA.discard('client2abc')).toBe(false);
    expect(tabA.discard('client1abc')).toBe(true);
    expect(tabA.discard('client1abc')).toBe(false);
    expect(new Outbox(storage, KEY).list().map((entry) => entry.clientId)).toEqual(['client2abc']);

    tabA.markFailed('client2abc', 'message/too_long');
    expect(tabA.discard('client2abc')).toBe(true);
    expect(storage.getItem(KEY)).toBeNull();
  });

  it('survives corrupt or foreign storage contents', () => {
    const storage = createMemoryStorage();
    storage.setItem(KEY, '{not json');
    expect(new Outbox(storage, KEY).list()).toEqual([]);

    storage.setItem(KEY, JSON.stringify([{ clientId: 'bad id!' }, { ...makeEntry(1), status: 'pending' }, 42]));
    const outbox = new Outbox(storage, KEY);
    expect(outbox.list().map((entry) => entry.clientId)).toEqual(['client1abc']);
    outbox.add(makeEntry(2));
    expect(outbox.list()).toHaveLength(2);
  });
});
