import type { Attachment } from '@parley/api/protocol';
import { createClientId } from './client-id.ts';

export type OutboxStatus = 'pending' | 'failed';

/** A message the agent wrote that the server has not acknowledged yet. */
export interface OutboxItem {
  readonly clientId: string;
  readonly conversationId: string;
  readonly body: string;
  readonly createdAt: string;
  readonly status: OutboxStatus;
  /** Set for an internal note; absent for a reply. */
  readonly kind?: 'note';
  /** Uploaded files sent with it (message.send's attachmentIds). */
  readonly attachments?: readonly Attachment[];
  /** Why the server refused it, when status is 'failed'. */
  readonly error: string | null;
}

export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * Unacknowledged sends, kept in memory and mirrored to (session) storage so a reload
 * resends them with the same clientId. Items are immutable; `items` is a new array after each change.
 */
export class Outbox {
  #items: readonly OutboxItem[];
  readonly #storage: StorageLike | null;
  readonly #key: string;

  constructor(storage: StorageLike | null, key: string) {
    this.#storage = storage;
    this.#key = key;
    this.#items = readItems(storage, key);
  }

  get items(): readonly OutboxItem[] {
    return this.#items;
  }

  get pendingItems(): OutboxItem[] {
    return this.#items.filter((item) => item.status === 'pending');
  }

  find(clientId: string): OutboxItem | undefined {
    return this.#items.find((item) => item.clientId === clientId);
  }

  add(
    conversationId: string,
    body: string,
    clientId = createClientId(),
    now = new Date(),
    kind?: 'note',
    attachments?: readonly Attachment[],
  ): OutboxItem {
    const item: OutboxItem = {
      clientId,
      conversationId,
      body,
      createdAt: now.toISOString(),
      status: 'pending',
      error: null,
      ...(kind ? { kind } : {}),
      ...(attachments?.length ? { attachments } : {}),
    };
    this.#write([...this.#items, item]);
    return item;
  }

  markFailed(clientId: string, error: string): void {
    this.#update(clientId, { status: 'failed', error });
  }

  markPending(clientId: string): void {
    this.#update(clientId, { status: 'pending', error: null });
  }

  remove(clientId: string): boolean {
    return this.removeWhere((item) => item.clientId === clientId);
  }

  /** Removes every item the predicate matches; returns whether anything was removed. */
  removeWhere(predicate: (item: OutboxItem) => boolean): boolean {
    const kept = this.#items.filter((item) => !predicate(item));
    if (kept.length === this.#items.length) return false;
    this.#write(kept);
    return true;
  }

  #update(clientId: string, changes: Partial<OutboxItem>): void {
    if (!this.find(clientId)) return;
    this.#write(this.#items.map((item) => (item.clientId === clientId ? { ...item, ...changes } : item)));
  }

  #write(items: readonly OutboxItem[]): void {
    this.#items = items;
    if (!this.#storage) return;
    try {
      if (items.length === 0) this.#storage.removeItem(this.#key);
      else this.#storage.setItem(this.#key, JSON.stringify(items));
    } catch {
      // Storage full or blocked: the outbox still works in memory for this page.
    }
  }
}

function readItems(storage: StorageLike | null, key: string): OutboxItem[] {
  if (!storage) return [];
  try {
    const parsed: unknown = JSON.parse(storage.getItem(key) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(isOutboxItem) : [];
  } catch {
    return [];
  }
}

function isOutboxItem(value: unknown): value is OutboxItem {
  if (typeof value !== 'object' || value === null) return false;
  const item = value as Record<string, unknown>;
  return (
    typeof item.clientId === 'string' &&
    typeof item.conversationId === 'string' &&
    typeof item.body === 'string' &&
    typeof item.createdAt === 'string' &&
    (item.status === 'pending' || item.status === 'failed') &&
    (item.error === null || typeof item.error === 'string')
  );
}
