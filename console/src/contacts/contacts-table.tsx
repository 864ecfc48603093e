import type { ContactSummary } from '@parley/api/protocol';
import type { KeyboardEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { formatFullTime, formatRelativeTime } from '../lib/format-time.ts';
import { Avatar } from '../ui/avatar.tsx';
import { describeContact } from './contact-text.ts';
import { VerifiedIcon } from './contacts-icon.tsx';

interface ContactsTableProps {
  contacts: ContactSummary[];
  now: Date;
  onRowKeyDown(index: number, event: KeyboardEvent<HTMLAnchorElement>): void;
}

export function ContactsTable({ contacts, now, onRowKeyDown }: ContactsTableProps) {
  const navigate = useNavigate();
  return (
    <div className="contacts-table-scroll">
      <table className="contacts-table" data-testid="contacts-table">
        <caption className="visually-hidden">Contacts, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Identity</th>
            <th scope="col">Last seen</th>
            <th scope="col" className="contacts-table__number">
              Conversations
            </th>
          </tr>
        </thead>
        <tbody>
          {contacts.map((contact, index) => (
            <tr
              key={contact.id}
              className="contacts-table__row"
              data-testid="contact-row"
              onClick={(event) => {
                if ((event.target as HTMLElement).closest('a')) return;
                navigate(`/contacts/${contact.id}`);
              }}
            >
              <td>
                <span className="contact-cell">
                  <Avatar id={contact.id} name={contact.name} size="sm" />
                  <Link
                    to={`/contacts/${contact.id}`}
                    className="contact-cell__name"
                    onKeyDown={(event) => onRowKeyDown(index, event)}
                    data-testid="contact-link"
                  >
                    {describeContact(contact)}
                  </Link>
                </span>
              </td>
              <td className="contacts-table__muted">{contact.email ?? '—'}</td>
              <td>
                {contact.isVerified ? (
                  <span
                    className="badge badge--success contact-verified"
                    title={`Site user ${contact.externalId ?? ''}`}
                  >
                    <VerifiedIcon size={12} /> Verified
                  </span>
                ) : (
                  <span className="contacts-table__muted">Anonymous</span>
                )}
              </td>
              <td className="contacts-table__muted">
                <time dateTime={contact.lastSeenAt} title={formatFullTime(contact.lastSeenAt)}>
                  {formatRelativeTime(contact.lastSeenAt, now)}
                </time>
              </td>
              <td className="contacts-table__number">{contact.conversationCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ContactsTableSkeleton() {
  return (
    <ul className="contacts-skeleton" aria-label="Loading contacts" data-testid="contacts-loading">
      {[0, 1, 2, 3].map((index) => (
        <li key={index} className="contacts-skeleton__row">
          <span className="skeleton skeleton--circle" />
          <span className="skeleton skeleton--line" style={{ width: '22%' }} />
          <span className="skeleton skeleton--line" style={{ width: '28%' }} />
          <span className="skeleton skeleton--line" style={{ width: '12%' }} />
        </li>
      ))}
    </ul>
  );
}
