import type { Inbox } from '@parley/api/protocol';
import { useState } from 'react';
import { useLoaderData } from 'react-router';
import type { InboxSettingsData } from '../app/loaders.ts';
import { useAppData } from '../app/use-app-data.ts';
import { EmptyState } from '../ui/empty-state.tsx';
import { InboxDetailsForm } from './inbox-details-form.tsx';
import { InstallCard } from './install-card.tsx';
import './settings.css';

export function InboxSettingsPage() {
  const data = useLoaderData() as InboxSettingsData;
  const { instance } = useAppData();
  const [inbox, setInbox] = useState<Inbox | null>(data.inbox);
  // Bumped when the inbox changes outside the form, so the form starts again from the saved values.
  const [formVersion, setFormVersion] = useState(0);

  return (
    <main className="page settings">
      <header className="page__header">
        <p className="page__eyebrow">Settings</p>
        <h1 className="page__title">Inbox</h1>
        <p className="page__lead">Where your website chat lands, which sites may show it, and how to install it.</p>
      </header>
      {inbox ? (
        <div className="settings__sections">
          <InboxDetailsForm key={formVersion} inbox={inbox} onSaved={setInbox} />
          <InstallCard
            inbox={inbox}
            exampleSiteUrl={instance.exampleSiteUrl}
            onInboxChanged={(updated) => {
              setInbox(updated);
              setFormVersion((version) => version + 1);
            }}
          />
        </div>
      ) : (
        <EmptyState title="No inbox yet">
          This workspace has no inbox. Create one to install the chat widget.
        </EmptyState>
      )}
    </main>
  );
}
