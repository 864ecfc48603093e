import type { Inbox } from '@parley/api/protocol';
import { useState } from 'react';
import { useLoaderData } from 'react-router';
import { useAppData } from '../app/use-app-data.ts';
import { EmptyState } from '../ui/empty-state.tsx';
import { BusinessHoursCard } from './business-hours-card.tsx';
import { IdentityCard } from './identity-card.tsx';
import { InboxDetailsForm } from './inbox-details-form.tsx';
import { InboxMembersCard } from './inbox-members-card.tsx';
import { InstallCard } from './install-card.tsx';
import { RoutingCard } from './routing-card.tsx';
import { RoutingRulesCard } from './routing-rules-card.tsx';
import { canManageRouting } from './routing-settings-form.ts';
import type { InboxSettingsPageData } from './settings-loaders.ts';
import { SettingsHeader } from './settings-tabs.tsx';
import './settings.css';

export function InboxSettingsPage() {
  const data = useLoaderData() as InboxSettingsPageData;
  const { instance, me } = useAppData();
  const [inbox, setInbox] = useState<Inbox | null>(data.inbox);
  // Bumped when the inbox changes outside the form, so the form starts again from the saved values.
  const [formVersion, setFormVersion] = useState(0);
  const canEdit = canManageRouting(me.role);

  return (
    <main className="page settings">
      <SettingsHeader
        title="Inbox"
        lead="Where your website chat lands, which sites may show it, how to install it, and who answers it when."
      />
      {inbox ? (
        <div className="settings__sections">
          <InboxDetailsForm key={formVersion} inbox={inbox} canEdit={canEdit} onSaved={setInbox} />
          <InstallCard
            inbox={inbox}
            exampleSiteUrl={instance.exampleSiteUrl}
            canEdit={canEdit}
            onInboxChanged={(updated) => {
              setInbox(updated);
              setFormVersion((version) => version + 1);
            }}
          />
          <IdentityCard inboxId={inbox.id} canEdit={canEdit} />
          <h2 className="settings__group-title" id="routing-group">
            Routing
          </h2>
          {canEdit ? null : (
            <p className="settings__notice" data-testid="routing-read-only">
              You can see how this inbox routes conversations; only owners and admins can change it.
            </p>
          )}
          <RoutingCard inbox={inbox} canEdit={canEdit} onSaved={setInbox} />
          <InboxMembersCard
            inboxId={inbox.id}
            members={data.members}
            initialUserIds={data.inboxMemberIds}
            currentUserId={me.user.id}
            canEdit={canEdit}
          />
          <RoutingRulesCard inboxId={inbox.id} teams={data.teams} initialRules={data.rules} canEdit={canEdit} />
          <BusinessHoursCard inbox={inbox} canEdit={canEdit} onSaved={setInbox} />
        </div>
      ) : (
        <EmptyState title="No inbox yet">
          This workspace has no inbox. Create one to install the chat widget.
        </EmptyState>
      )}
    </main>
  );
}
