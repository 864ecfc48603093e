import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useAppData } from '../app/use-app-data.ts';
import { Avatar } from '../ui/avatar.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { AlertIcon, ArrowLeftIcon, TrashIcon } from '../ui/icons.tsx';
import { Spinner } from '../ui/spinner.tsx';
import { ContactAttributesCard } from './contact-attributes-card.tsx';
import { ContactConversationsCard } from './contact-conversations-card.tsx';
import { ContactDetailsCard } from './contact-details-card.tsx';
import { canMergeOrDelete, describeContact, describeConversationCount } from './contact-text.ts';
import { ContactsIcon, VerifiedIcon } from './contacts-icon.tsx';
import { DeleteContactDialog } from './delete-contact-dialog.tsx';
import { MergeContactDialog } from './merge-contact-dialog.tsx';
import { useContact } from './use-contact.ts';
import '../settings/settings.css';
import './contacts.css';

/** `/contacts/:id`: who the contact is, their attributes and conversations; edit, merge, delete. */
export function ContactPage() {
  const { contactId = '' } = useParams();
  const { me } = useAppData();
  const navigate = useNavigate();
  const { state, replace, retry } = useContact(contactId);
  const [dialog, setDialog] = useState<'merge' | 'delete' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const back = (
    <Link to="/contacts" className="contact-page__back">
      <ArrowLeftIcon size={16} /> Contacts
    </Link>
  );

  if (state.status === 'loading')
    return (
      <main className="page contact-page" data-testid="contact-page" data-state="loading">
        {back}
        <div className="contact-page__loading">
          <Spinner label="Loading the contact" />
        </div>
      </main>
    );
  if (state.status !== 'loaded')
    return (
      <main className="page contact-page" data-testid="contact-page" data-state={state.status}>
        {back}
        <div className="card contact-page__problem">
          {state.status === 'missing' ? (
            <EmptyState icon={<ContactsIcon size={24} />} title="This contact does not exist">
              It may have been deleted or merged into another contact.
            </EmptyState>
          ) : (
            <EmptyState
              icon={<AlertIcon size={24} />}
              title="Could not load the contact"
              action={
                <button type="button" className="btn btn--secondary" onClick={retry}>
                  Try again
                </button>
              }
            >
              {state.message}
            </EmptyState>
          )}
        </div>
      </main>
    );

  const { contact } = state;
  const name = describeContact(contact);
  const mayMergeOrDelete = canMergeOrDelete(me.role);
  return (
    <main className="page contact-page" data-testid="contact-page" data-state="loaded">
      {back}
      <header className="contact-page__header">
        <Avatar id={contact.id} name={contact.name} size="lg" />
        <div className="contact-page__heading">
          <h1 className="page__title" data-testid="contact-title">
            {name}
          </h1>
          <p className="contact-page__sub">
            {contact.isVerified ? (
              <span className="badge badge--success contact-verified">
                <VerifiedIcon size={12} /> Verified
              </span>
            ) : (
              <span className="contact-page__anonymous">Anonymous visitor</span>
            )}
            {contact.email && contact.name ? <span>{contact.email}</span> : null}
          </p>
        </div>
        {mayMergeOrDelete ? (
          <div className="contact-page__actions">
            <button
              type="button"
              className="btn btn--secondary"
              onClick={() => setDialog('merge')}
              data-testid="contact-merge"
            >
              Merge…
            </button>
            <button
              type="button"
              className="btn btn--secondary contact-page__delete"
              onClick={() => setDialog('delete')}
              data-testid="contact-delete"
            >
              <TrashIcon size={16} /> Delete…
            </button>
          </div>
        ) : null}
      </header>
      <p className="visually-hidden" role="status">
        {notice}
      </p>
      {notice ? (
        <p className="contact-page__notice" data-testid="contact-notice">
          {notice}
        </p>
      ) : null}

      <div className="contact-page__grid">
        <div className="contact-page__column">
          <ContactDetailsCard contact={contact} onSaved={replace} />
          <ContactAttributesCard contact={contact} onSaved={replace} />
        </div>
        <ContactConversationsCard conversations={contact.conversations} />
      </div>

      {dialog === 'merge' ? (
        <MergeContactDialog
          contact={contact}
          onCancel={() => setDialog(null)}
          onMerged={(survivor) => {
            replace(survivor);
            setDialog(null);
            setNotice(
              `Merged. ${describeContact(survivor)} now has ${describeConversationCount(survivor.conversationCount)}.`,
            );
          }}
        />
      ) : null}
      {dialog === 'delete' ? (
        <DeleteContactDialog
          contact={contact}
          onCancel={() => setDialog(null)}
          onDeleted={() => navigate('/contacts', { replace: true })}
        />
      ) : null}
    </main>
  );
}
