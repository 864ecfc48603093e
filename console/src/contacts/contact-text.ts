import type { ContactSummary, Role } from '@parley/api/protocol';
import { formatVisitorName } from '../lib/display-names.ts';

/** The name agents know a contact by: their name, else their email, else "Visitor 3fa9c1". */
export function describeContact(contact: Pick<ContactSummary, 'id' | 'name' | 'email'>): string {
  const name = contact.name?.trim();
  if (name) return name;
  const email = contact.email?.trim();
  return email || formatVisitorName({ id: contact.id, name: null, email: null });
}

/** What the agent must type to delete a contact: the email when there is one, else the name shown. */
export function deletePhrase(contact: Pick<ContactSummary, 'id' | 'name' | 'email'>): string {
  return contact.email?.trim() || describeContact(contact);
}

/** Case and surrounding spaces do not matter; every other character does. */
export function isDeletePhraseTyped(typed: string, phrase: string): boolean {
  return typed.trim().toLocaleLowerCase() === phrase.trim().toLocaleLowerCase() && phrase.trim() !== '';
}

/** Merging and deleting are for owners and admins; the api refuses agents too. */
export function canMergeOrDelete(role: Role): boolean {
  return role === 'owner' || role === 'admin';
}

export function describeConversationCount(count: number): string {
  return count === 1 ? '1 conversation' : `${count} conversations`;
}
