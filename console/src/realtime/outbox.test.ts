import { describe, expect, it } from 'vitest';
import { createClientId } from './client-id.ts';
import { Outbox, type StorageLike } from './outbox.ts';

function createMemoryStorage(): StorageLike & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

const KEY = 'parley.outbox.test';

describe('createClientId', () => {
  it('matches the protocol pattern and is unique', () => {
    const ids = new Set(Array.from({ length: 100 }, () => createClientId()));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
  });
});

describe('Outbox', () => {
  it('keeps added items pending with a fresh clientId', () => {
    const outbox = new Outbox(null, KEY);
    const item = outbox.add('c1', 'hello');
    expect(item.status).toBe('pending');
    expect(item.clientId).toMatch(/^[a-f0-9]{32}$/);
    expect(outbox.pendingItems).toEqual([item]);
  });

  it('marks failed and pending again, keeping the same clientId', () => {
    const outbox = new Outbox(null, KEY);
    const { clientId } = outbox.add('c1', 'hello');
    outbox.markFailed(clientId, 'Too long');
    expect(outbox.find(clientId)).toMatchObject({ status: 'failed', error: 'Too long' });
    expect(outbox.pendingItems).toEqual([]);
    outbox.markPending(clientId);
    expect(outbox.find(clientId)).toMatchObject({ status: 'pending', error: null, clientId });
  });

  it('replaces its items array on every change', () => {
    const outbox = new Outbox(null, KEY);
    const before = outbox.items;
    const { clientId } = outbox.add('c1', 'hello');
    expect(outbox.items).not.toBe(before);
    const afterAdd = outbox.items;
    expect(outbox.remove('nope')).toBe(false);
    expect(outbox.items).toBe(afterAdd);
    expect(outbox.remove(clientId)).toBe(true);
    expect(outbox.items).toEqual([]);
  });

  it('survives a reload through storage', () => {
    const storage = createMemoryStorage();
    const first = new Outbox(storage, KEY);
    const a = first.add('c1', 'one');
    const b = first.add('c1', 'two');
    first.markFailed(b.clientId, 'refused');

    const second = new Outbox(storage, KEY);
    expect(second.items.map((item) => [item.clientId, item.status])).toEqual([
      [a.clientId, 'pending'],
      [b.clientId, 'failed'],
    ]);
    second.remove(a.clientId);
    second.remove(b.clientId);
    expect(storage.data.has(KEY)).toBe(false);
  });

  it('ignores corrupt storage', () => {
    const storage = createMemoryStorage();
    storage.setItem(KEY, '{not json');
    expect(new Outbox(storage, KEY).items).toEqual([]);
    storage.setItem(KEY, JSON.stringify([{ clientId: 1 }, 'x']));
    expect(new Outbox(storage, KEY).items).toEqual([]);
  });
});
