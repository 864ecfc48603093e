/** The subset of Web Storage the widget uses; tests pass a Map-backed one. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export function createMemoryStorage(): KeyValueStorage {
  const values = new Map<string, string>();
  return {
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => {
      values.set(key, value);
    },
    removeItem: (key) => {
      values.delete(key);
    },
  };
}

/**
 * localStorage when the page may use it, with every call guarded: sandboxed iframes, blocked
 * cookies and full quotas throw. A failed write keeps the value in memory for this page view.
 */
export function createSafeStorage(getStorage: () => KeyValueStorage): KeyValueStorage {
  const fallback = createMemoryStorage();
  let storage: KeyValueStorage | null = null;
  try {
    storage = getStorage();
  } catch {
    storage = null;
  }
  return {
    getItem(key) {
      const remembered = fallback.getItem(key);
      if (remembered !== null) return remembered;
      try {
        return storage ? storage.getItem(key) : null;
      } catch {
        return null;
      }
    },
    setItem(key, value) {
      try {
        if (!storage) throw new Error('no storage');
        storage.setItem(key, value);
        fallback.removeItem(key);
      } catch {
        fallback.setItem(key, value);
      }
    },
    removeItem(key) {
      fallback.removeItem(key);
      try {
        storage?.removeItem(key);
      } catch {
        // Nothing to remove when storage is unavailable.
      }
    },
  };
}

export function getTokenKey(siteKey: string): string {
  return `parley:${siteKey}:token`;
}

export function getOutboxKey(siteKey: string): string {
  return `parley:${siteKey}:outbox`;
}

/** The site's user id (never the hash) the stored token was verified as, so a switch of user is noticed. */
export function getUserKey(siteKey: string): string {
  return `parley:${siteKey}:user`;
}

/**
 * '1' while the visitor has an open conversation or unsent messages, '0' when they have neither; kept
 * beside a token only. It tells the next page view's widget.js to load the chat at once (replies arrive
 * while the panel is closed) or not at all until the visitor opens it.
 */
export function getResumeKey(siteKey: string): string {
  return `parley:${siteKey}:resume`;
}

/** Every key the widget keeps for a site key: reset() removes them all. */
export function listVisitorKeys(siteKey: string): string[] {
  return [getTokenKey(siteKey), getOutboxKey(siteKey), getUserKey(siteKey), getResumeKey(siteKey)];
}

/** Whether this page view should load the chat without waiting for the visitor (see getResumeKey). */
export function shouldResumeChat(storage: KeyValueStorage, siteKey: string): boolean {
  const resume = storage.getItem(getResumeKey(siteKey));
  if (resume !== null) return resume === '1';
  // Not known (a token stored before this key existed, or sends made before any session): look.
  return storage.getItem(getTokenKey(siteKey)) !== null || storage.getItem(getOutboxKey(siteKey)) !== null;
}
