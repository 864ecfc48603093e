import { describe, expect, it } from 'vitest';
import { createMemoryStorage, getOutboxKey, getResumeKey, getTokenKey, shouldResumeChat } from './storage.ts';

describe('shouldResumeChat', () => {
  it('follows what the chat last stored beside the token, else looks for a token or unsent messages', () => {
    const storage = createMemoryStorage();
    expect(shouldResumeChat(storage, 'site_1')).toBe(false);
    storage.setItem(getOutboxKey('site_1'), '[]');
    expect(shouldResumeChat(storage, 'site_1')).toBe(true);
    storage.removeItem(getOutboxKey('site_1'));
    storage.setItem(getTokenKey('site_1'), 'tok');
    expect(shouldResumeChat(storage, 'site_1')).toBe(true);
    storage.setItem(getResumeKey('site_1'), '0');
    expect(shouldResumeChat(storage, 'site_1')).toBe(false);
    storage.setItem(getResumeKey('site_1'), '1');
    expect(shouldResumeChat(storage, 'site_1')).toBe(true);
    expect(shouldResumeChat(storage, 'site_2')).toBe(false);
  });
});
