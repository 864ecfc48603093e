import { expect, test } from 'vitest';
import { canChangeActivation, describeExpiry, rolesOffered } from './members-permissions.ts';

test('owners may give any role; admins only admin or agent, and not to owners; agents nothing', () => {
  expect(rolesOffered('owner', { role: 'owner' })).toEqual(['owner', 'admin', 'agent']);
  expect(rolesOffered('admin', { role: 'agent' })).toEqual(['admin', 'agent']);
  expect(rolesOffered('admin', { role: 'admin' })).toEqual(['admin', 'agent']);
  expect(rolesOffered('admin', { role: 'owner' })).toEqual([]);
  expect(rolesOffered('agent', { role: 'agent' })).toEqual([]);
  expect(rolesOffered('owner', { role: 'owner' }, true)).toEqual([]);
});

test('nobody deactivates themselves; admins cannot deactivate owners', () => {
  expect(canChangeActivation('owner', 'me', { userId: 'me', role: 'owner' })).toBe(false);
  expect(canChangeActivation('owner', 'me', { userId: 'o2', role: 'owner' })).toBe(true);
  expect(canChangeActivation('admin', 'me', { userId: 'o2', role: 'owner' })).toBe(false);
  expect(canChangeActivation('admin', 'me', { userId: 'a1', role: 'agent' })).toBe(true);
  expect(canChangeActivation('agent', 'me', { userId: 'a1', role: 'agent' })).toBe(false);
});

test('expiry reads in days, then hours, then "expired"', () => {
  const now = Date.parse('2026-12-01T12:00:00Z');
  expect(describeExpiry('2026-12-08T12:00:00Z', now)).toBe('expires in 7 days');
  expect(describeExpiry('2026-12-02T11:00:00Z', now)).toBe('expires in 23 hours');
  expect(describeExpiry('2026-12-01T13:00:00Z', now)).toBe('expires in 1 hour');
  expect(describeExpiry('2026-12-01T12:30:00Z', now)).toBe('expires in less than an hour');
  expect(describeExpiry('2026-12-01T12:00:00Z', now)).toBe('expired');
});
