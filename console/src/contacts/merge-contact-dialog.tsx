import type { ContactDetail, ContactSummary } from '@parley/api/protocol';
import { useEffect, useId, useRef, useState } from 'react';
import { isAbortError } from '../api/http.ts';
import { Avatar } from '../ui/avatar.tsx';
import { SearchIcon } from '../ui/icons.tsx';
import { Spinner } from '../ui/spinner.tsx';
import { useModalDialog } from '../ui/use-modal-dialog.ts';
import { fetchContacts, mergeContacts } from './contact-endpoints.ts';
import { describeContact, describeConversationCount } from './contact-text.ts';
import { useDebounced } from './use-contact-list.ts';

interface MergeContactDialogProps {
  contact: ContactDetail;
  onMerged(survivor: ContactDetail): void;
  onCancel(): void;
}

/** Step one: find the duplicate by search. Step two: say what the merge does, then do it. */
export function MergeContactDialog({ contact, onMerged, onCancel }: MergeContactDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const titleId = useId();
  const [draft, setDraft] = useState('');
  const q = useDebounced(draft.trim(), 250);
  const [results, setResults] = useState<{ q: string; contacts: ContactSummary[] } | null>(null);
  const [searchError, setSearchError] = useState<string | null>(null);
  const [other, setOther] = useState<ContactSummary | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useModalDialog(dialogRef, searchRef);

  useEffect(() => {
    if (!q) {
      setResults(null);
      return;
    }
    const controller = new AbortController();
    setSearchError(null);
    fetchContacts({ q, limit: 8 }, controller.signal).then(
      (page) => setResults({ q, contacts: page.contacts.filter((row) => row.id !== contact.id) }),
      (failure: unknown) => {
        if (!controller.signal.aborted && !isAbortError(failure))
          setSearchError(failure instanceof Error ? failure.message : 'Could not search.');
      },
    );
    return () => controller.abort();
  }, [q, contact.id]);

  async function merge() {
    if (!other) return;
    setIsBusy(true);
    setError(null);
    try {
      onMerged(await mergeContacts(contact.id, other.id));
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'Could not merge. Try again.');
      setIsBusy(false);
    }
  }

  const survivorName = describeContact(contact);
  return (
    <dialog
      ref={dialogRef}
      className="confirm-dialog contact-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        if (!isBusy) onCancel();
      }}
      data-testid="merge-dialog"
    >
      <h2 className="confirm-dialog__title" id={titleId}>
        Merge a duplicate into {survivorName}
      </h2>
      {other ? (
        <div className="confirm-dialog__body" data-testid="merge-summary">
          <p>
            <strong>{describeContact(other)}</strong> will be merged into <strong>{survivorName}</strong> and then
            deleted:
          </p>
          <ul className="contact-dialog__list">
            <li>{describeConversationCount(other.conversationCount)}, their pages visited and devices move over.</li>
            <li>{survivorName} keeps their name, email and attributes; what they lack is taken from the duplicate.</li>
            <li>A verified site user id is kept, on whichever side it is.</li>
            <li>The duplicate’s open chat widget reconnects as {survivorName}.</li>
          </ul>
          <p>This cannot be undone.</p>
        </div>
      ) : (
        <div className="confirm-dialog__body">
          <p id={`${titleId}-hint`}>Find the other contact by name, email, user id or attribute.</p>
          <div className="search-box contact-dialog__search">
            <SearchIcon className="search-box__icon" size={18} />
            <input
              ref={searchRef}
              className="search-box__input"
              type="search"
              value={draft}
              onChange={(event) => setDraft(event.target.value)}
              aria-label="Find the duplicate contact"
              aria-describedby={`${titleId}-hint`}
              autoComplete="off"
              maxLength={200}
              data-testid="merge-search"
            />
          </div>
          {searchError ? (
            <p className="field__error" role="alert">
              {searchError}
            </p>
          ) : results && results.q === q ? (
            results.contacts.length > 0 ? (
              <ul className="merge-candidates" aria-label="Matching contacts">
                {results.contacts.map((candidate) => (
                  <li key={candidate.id}>
                    <button
                      type="button"
                      className="merge-candidate"
                      onClick={() => setOther(candidate)}
                      data-testid="merge-candidate"
                    >
                      <Avatar id={candidate.id} name={candidate.name} size="sm" />
                      <span className="merge-candidate__text">
                        <span className="merge-candidate__name">{describeContact(candidate)}</span>
                        <span className="merge-candidate__meta">
                          {[candidate.email, describeConversationCount(candidate.conversationCount)]
                            .filter(Boolean)
                            .join(' · ')}
                        </span>
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="contact-dialog__none">No other contact matches “{q}”.</p>
            )
          ) : q ? (
            <p className="contact-dialog__none">
              <Spinner size="sm" /> Searching…
            </p>
          ) : null}
        </div>
      )}
      {error ? (
        <p className="field__error" role="alert" data-testid="merge-error">
          {error}
        </p>
      ) : null}
      <div className="confirm-dialog__actions">
        {other ? (
          <button type="button" className="btn btn--ghost" onClick={() => setOther(null)} disabled={isBusy}>
            Back
          </button>
        ) : null}
        <button type="button" className="btn btn--secondary" onClick={onCancel} disabled={isBusy}>
          Cancel
        </button>
        {other ? (
          <button
            type="button"
            className="btn btn--danger"
            onClick={merge}
            disabled={isBusy}
            data-testid="merge-confirm"
          >
            {isBusy ? <Spinner size="sm" /> : null}
            Merge contacts
          </button>
        ) : null}
      </div>
    </dialog>
  );
}
