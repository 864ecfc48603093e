import type { Database } from '@parley/db';
import type { Kysely } from 'kysely';
import type { ContactDetail, ContactUpdateBody } from '../../protocol/contact-rest.ts';
import { visitorNotFound } from '../visitors/load-visitor-profile.ts';
import { loadContact } from './load-contact.ts';

/**
 * An agent corrects a contact's name, email or attributes. The verified user id is not editable: only the
 * site's signed hash sets it. The site may overwrite name, email and attributes when the visitor comes back.
 */
export async function updateContact(
  db: Kysely<Database>,
  workspaceId: string,
  visitorId: string,
  body: ContactUpdateBody,
): Promise<ContactDetail> {
  const updated = await db
    .updateTable('visitors')
    .set({
      ...(body.name !== undefined ? { name: body.name === null ? null : body.name.trim() } : {}),
      ...(body.email !== undefined ? { email: body.email === null ? null : body.email.trim() } : {}),
      ...(body.attributes ? { attributes: JSON.stringify(body.attributes) } : {}),
    })
    .where('id', '=', visitorId)
    .where('workspace_id', '=', workspaceId)
    .returning('id')
    .executeTakeFirst();
  if (!updated) throw visitorNotFound();
  return loadContact(db, workspaceId, visitorId);
}
