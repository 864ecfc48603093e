import type { ContactSummary } from '@parley/api/protocol';
import { describe, expect, test } from 'vitest';
import { INITIAL_CONTACT_LIST, reduceContactList } from './contact-list-state.ts';

const contact = (id: string): ContactSummary => ({
  id,
  inboxId: 'inbox',
  name: id,
  email: null,
  externalId: null,
  isVerified: false,
  conversationCount: 0,
  createdAt: '2026-12-01T10:00:00.000Z',
  lastSeenAt: '2026-12-01T10:00:00.000Z',
});

describe('reduceContactList', () => {
  test('a late answer for an older search is dropped', () => {
    let state = reduceContactList(INITIAL_CONTACT_LIST, { type: 'started', q: 'an' });
    state = reduceContactList(state, { type: 'started', q: 'ann' });
    state = reduceContactList(state, {
      type: 'loaded',
      q: 'an',
      page: { contacts: [contact('old')], nextCursor: null },
    });
    expect(state.status).toBe('loading');
    state = reduceContactList(state, {
      type: 'loaded',
      q: 'ann',
      page: { contacts: [contact('a')], nextCursor: 'c1' },
    });
    expect(state).toMatchObject({ status: 'loaded', nextCursor: 'c1' });
    expect(state.contacts.map((row) => row.id)).toEqual(['a']);
  });

  test('more pages append without repeats; a failed page keeps what is shown', () => {
    let state = reduceContactList(INITIAL_CONTACT_LIST, { type: 'started', q: '' });
    state = reduceContactList(state, { type: 'loaded', q: '', page: { contacts: [contact('a')], nextCursor: 'c1' } });
    state = reduceContactList(state, { type: 'more_started', q: '' });
    state = reduceContactList(state, { type: 'more_failed', q: '' });
    expect(state).toMatchObject({ more: 'error', nextCursor: 'c1' });
    state = reduceContactList(state, {
      type: 'more_loaded',
      q: '',
      page: { contacts: [contact('a'), contact('b')], nextCursor: null },
    });
    expect(state.contacts.map((row) => row.id)).toEqual(['a', 'b']);
    expect(state).toMatchObject({ more: 'idle', nextCursor: null });
  });

  test('an error empties the list and says why', () => {
    let state = reduceContactList(INITIAL_CONTACT_LIST, { type: 'started', q: 'x' });
    state = reduceContactList(state, { type: 'failed', q: 'x', error: 'Could not reach the server.' });
    expect(state).toMatchObject({ status: 'error', contacts: [], error: 'Could not reach the server.' });
  });
});
