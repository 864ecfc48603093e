import type { Attachment } from '@parley/api/protocol';
import type { KeyValueStorage } from './storage.ts';

export type OutboxStatus = 'pending' | 'failed';

/** A message the visitor wrote that the server has not acknowledged yet. */
export interface OutboxEntry {
  clientId: string;
  body: string;
  createdAt: string;
  status: OutboxStatus;
  /** The error code that made the send fail, for failed entries. */
  errorCode?: string;
  /** Send without conversationId: the conversation it was meant for was resolved. */
  isNewConversation?: boolean;
  /** Uploaded files the message carries (message.send's attachmentIds). */
  attachments?: Attachment[];
}

const CLIENT_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

function isOutboxEntry(value: unknown): value is OutboxEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return (
    typeof entry.clientId === 'string' &&
    CLIENT_ID_PATTERN.test(entry.clientId) &&
    typeof entry.body === 'string' &&
    typeof entry.createdAt === 'string' &&
    (entry.status === 'pending' || entry.status === 'failed')
  );
}

/**
 * Unacknowledged sends, persisted under one storage key so a reload or a crash never loses them.
 * Storage is the source of truth and every change is a read-modify-write, so several tabs of the
 * same site share one outbox without overwriting each other's entries.
 */
export class Outbox {
  readonly #storage: KeyValueStorage;
  readonly #key: string;

  constructor(storage: KeyValueStorage, key: string) {
    this.#storage = storage;
    this.#key = key;
  }

  /** Every entry, oldest first. */
  list(): OutboxEntry[] {
    const raw = this.#storage.getItem(this.#key);
    if (!raw) return [];
    try {
      const parsed: unknown = JSON.parse(raw);
      return Array.isArray(parsed) ? parsed.filter(isOutboxEntry) : [];
    } catch {
      return [];
    }
  }

  /** Entries that should be (re)sent: everything not marked failed. */
  listPending(): OutboxEntry[] {
    return this.list().filter((entry) => entry.status === 'pending');
  }

  get(clientId: string): OutboxEntry | undefined {
    return this.list().find((entry) => entry.clientId === clientId);
  }

  add(entry: Pick<OutboxEntry, 'clientId' | 'body' | 'createdAt' | 'attachments'>): OutboxEntry {
    const added: OutboxEntry = { ...entry, status: 'pending' };
    const entries = this.list().filter((existing) => existing.clientId !== entry.clientId);
    entries.push(added);
    this.#write(entries);
    return added;
  }

  /** Drops an entry once the server has stored its message. Returns whether it was there. */
  remove(clientId: string): boolean {
    const entries = this.list();
    const kept = entries.filter((entry) => entry.clientId !== clientId);
    if (kept.length === entries.length) return false;
    this.#write(kept);
    return true;
  }

  /** Drops every entry whose clientId the server is known to have stored. */
  removeStored(isStored: (clientId: string) => boolean): boolean {
    const entries = this.list();
    const kept = entries.filter((entry) => !isStored(entry.clientId));
    if (kept.length === entries.length) return false;
    this.#write(kept);
    return true;
  }

  /**
   * The visitor gave up on a failed send (the Discard button): it leaves the outbox for good. A pending
   * entry may be on its way to the server, so only a failed one goes. Returns whether it went.
   */
  discard(clientId: string): boolean {
    const entries = this.list();
    const kept = entries.filter((entry) => entry.clientId !== clientId || entry.status !== 'failed');
    if (kept.length === entries.length) return false;
    this.#write(kept);
    return true;
  }

  /** Forgets every entry (the host page signed the visitor out, or another user signed in). */
  clear(): void {
    this.#storage.removeItem(this.#key);
  }

  markFailed(clientId: string, errorCode: string): OutboxEntry | undefined {
    return this.#update(clientId, (entry) => ({ ...entry, status: 'failed', errorCode }));
  }

  /** Makes a failed entry pending again (the Retry button). */
  markPending(clientId: string): OutboxEntry | undefined {
    return this.#update(clientId, ({ errorCode: _dropped, ...entry }) => ({ ...entry, status: 'pending' }));
  }

  markNewConversation(clientId: string): OutboxEntry | undefined {
    return this.#update(clientId, (entry) => ({ ...entry, isNewConversation: true }));
  }

  #update(clientId: string, change: (entry: OutboxEntry) => OutboxEntry): OutboxEntry | undefined {
    const entries = this.list();
    const index = entries.findIndex((entry) => entry.clientId === clientId);
    const current = entries[index];
    if (!current) return undefined;
    const changed = change(current);
    entries[index] = changed;
    this.#write(entries);
    return changed;
  }

  #write(entries: OutboxEntry[]): void {
    if (entries.length === 0) this.#storage.removeItem(this.#key);
    else this.#storage.setItem(this.#key, JSON.stringify(entries));
  }
}
