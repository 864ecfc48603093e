import type { CannedResponse } from '@parley/api/protocol';
import { useId, useState } from 'react';
import { useLoaderData } from 'react-router';
import { deleteCannedResponse } from '../api/canned-endpoints.ts';
import { useAppData } from '../app/use-app-data.ts';
import { EmptyState } from '../ui/empty-state.tsx';
import { LockIcon, PlusIcon, SearchIcon } from '../ui/icons.tsx';
import { useDeleteWithConfirm } from './canned-and-label-delete.ts';
import { CannedEditor } from './canned-editor.tsx';
import { canWriteCanned, matchesCannedSearch } from './canned-form.ts';
import { RowActions } from './canned-row-actions.tsx';
import type { CannedSettingsData } from './canned-settings-loader.ts';
import { ConfirmDialog } from './confirm-dialog.tsx';
import { SettingsHeader } from './settings-tabs.tsx';
import './settings.css';
import './canned-labels-settings.css';

type Editing = { kind: 'new' } | { kind: 'edit'; id: string } | null;

const GROUPS = [
  { scope: 'shared', title: 'Shared with everyone' },
  { scope: 'personal', title: 'Only you' },
] as const;

const sortByShortcut = (responses: readonly CannedResponse[]) =>
  [...responses].sort((a, b) => a.shortcut.localeCompare(b.shortcut));

/** Settings → Canned responses: saved replies agents insert by typing `/shortcut` in the composer. */
export function CannedSettingsPage() {
  const data = useLoaderData() as CannedSettingsData;
  const { me } = useAppData();
  const [responses, setResponses] = useState(() => sortByShortcut(data.cannedResponses));
  const [editing, setEditing] = useState<Editing>(null);
  const [search, setSearch] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const searchId = useId();
  const canShare = canWriteCanned(me.role, 'shared');
  const shown = responses.filter((response) => matchesCannedSearch(response, search));
  const deletion = useDeleteWithConfirm<CannedResponse>(async (response) => {
    await deleteCannedResponse(response.id);
    setResponses((current) => current.filter((item) => item.id !== response.id));
    setAnnouncement(`/${response.shortcut} deleted.`);
  });

  function handleSaved(response: CannedResponse, isNew: boolean) {
    setResponses((current) => sortByShortcut([...current.filter((item) => item.id !== response.id), response]));
    setEditing(null);
    setAnnouncement(isNew ? `/${response.shortcut} created.` : `/${response.shortcut} saved.`);
  }

  return (
    <main className="page settings">
      <SettingsHeader
        title="Canned responses"
        lead="Saved replies: type / and a shortcut in the composer to insert one."
      />
      <div className="settings__sections">
        <section className="card settings-card" aria-labelledby="canned-title" data-testid="canned-card">
          <div className="settings-card__header settings-card__header--split">
            <div>
              <h2 className="settings-card__title" id="canned-title">
                Canned responses
              </h2>
              <p className="settings-card__description">
                Write <code>{'{{visitor.name}}'}</code> for the visitor’s name; when it is not known it reads “there”,
                so “Hi {'{{visitor.name}}'},” becomes “Hi there,”.
              </p>
            </div>
            <button
              type="button"
              className="btn btn--primary btn--sm"
              onClick={() => setEditing({ kind: 'new' })}
              disabled={editing?.kind === 'new'}
              data-testid="canned-new"
            >
              <PlusIcon size={14} /> New response
            </button>
          </div>

          {editing?.kind === 'new' ? (
            <CannedEditor
              existing={responses}
              canShare={canShare}
              onSaved={(response) => handleSaved(response, true)}
              onCancel={() => setEditing(null)}
            />
          ) : null}

          {responses.length > 0 ? (
            <div className="field canned-search">
              <label className="visually-hidden" htmlFor={searchId}>
                Search canned responses
              </label>
              <input
                id={searchId}
                className="input"
                type="search"
                placeholder="Search by shortcut or title"
                value={search}
                onChange={(event) => setSearch(event.target.value)}
                data-testid="canned-search"
              />
            </div>
          ) : null}

          {responses.length === 0 && editing === null ? (
            <EmptyState title="No canned responses yet">
              {canShare
                ? 'Save the answers your team gives every day, shared with everyone or just for you.'
                : 'Save the answers you give every day. Owners and admins can add shared ones for the whole team.'}
            </EmptyState>
          ) : responses.length > 0 && shown.length === 0 ? (
            <EmptyState icon={<SearchIcon size={24} />} title="No matches">
              No canned response has “{search.trim()}” in its shortcut or title.
            </EmptyState>
          ) : null}

          {GROUPS.map(({ scope, title }) => {
            const group = shown.filter((response) => response.scope === scope);
            if (group.length === 0) return null;
            return (
              <div key={scope} data-testid={`canned-group-${scope}`}>
                <h3 className="canned-group__title">{title}</h3>
                <ul className="team-list">
                  {group.map((response) =>
                    editing?.kind === 'edit' && editing.id === response.id ? (
                      <li key={response.id} className="team-list__editor">
                        <CannedEditor
                          response={response}
                          existing={responses}
                          canShare={canShare}
                          onSaved={(saved) => handleSaved(saved, false)}
                          onCancel={() => setEditing(null)}
                        />
                      </li>
                    ) : (
                      <li key={response.id} className="team-row" data-testid="canned-row" data-canned-id={response.id}>
                        <span className="canned-row__shortcut">/{response.shortcut}</span>
                        <span className="team-row__text">
                          <span className="team-row__name">{response.title}</span>
                          <span className="team-row__members">{response.body}</span>
                        </span>
                        {canWriteCanned(me.role, response.scope) ? (
                          <RowActions
                            name={`/${response.shortcut}`}
                            onEdit={() => setEditing({ kind: 'edit', id: response.id })}
                            onDelete={() => deletion.ask(response)}
                            testIdPrefix="canned"
                          />
                        ) : (
                          <span className="read-only-note" title="Only owners and admins change shared responses">
                            <LockIcon size={14} />
                            <span className="visually-hidden">Only owners and admins change shared responses</span>
                          </span>
                        )}
                      </li>
                    ),
                  )}
                </ul>
              </div>
            );
          })}

          {canShare ? null : (
            <div className="settings-card__footer settings-card__footer--readonly">
              <span className="read-only-note">
                <LockIcon size={14} /> Shared responses are written by owners and admins; yours are yours to change.
              </span>
            </div>
          )}
          <p className="visually-hidden" role="status">
            {announcement}
          </p>
        </section>
      </div>

      {deletion.target ? (
        <ConfirmDialog
          title={`Delete /${deletion.target.shortcut}?`}
          confirmLabel="Delete response"
          isBusy={deletion.isBusy}
          error={deletion.error}
          onConfirm={deletion.confirm}
          onCancel={deletion.cancel}
          testId="canned-delete-dialog"
        >
          <p>
            {deletion.target.scope === 'shared'
              ? 'Nobody in the workspace can insert it any more. Messages already sent stay as they are.'
              : 'You can no longer insert it. Messages already sent stay as they are.'}
          </p>
        </ConfirmDialog>
      ) : null}
    </main>
  );
}
