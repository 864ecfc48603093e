import type { InboxIdentity } from '@parley/api/protocol';
import { useEffect, useRef, useState } from 'react';
import { useCopy } from '../lib/use-copy.ts';
import { CheckIcon, CopyIcon, LockIcon } from '../ui/icons.tsx';
import { Spinner } from '../ui/spinner.tsx';
import { ConfirmDialog } from './confirm-dialog.tsx';
import { getIdentity, rotateIdentitySecret, setRequireIdentity } from './identity-api.ts';
import { describeSaveError } from './save-footer.tsx';

interface IdentityCardProps {
  inboxId: string;
  /** Only owners and admins may see the secret; for agents the api refuses it, so it is not asked for. */
  canEdit: boolean;
}

type LoadState = { kind: 'loading' } | { kind: 'ready'; identity: InboxIdentity } | { kind: 'error'; message: string };

/** Identity verification: the secret the site's server signs user ids with, rotating it, and requiring it. */
export function IdentityCard({ inboxId, canEdit }: IdentityCardProps) {
  return (
    <section className="card settings-card" aria-labelledby="identity-title" data-testid="identity-card">
      <div className="settings-card__header">
        <h2 className="settings-card__title" id="identity-title">
          Identity verification
        </h2>
        <p className="settings-card__description">
          Your server signs the signed-in user&rsquo;s id with this secret (HMAC-SHA256) and passes it to{' '}
          <code>identify</code>, so agents know the visitor is really that user.
        </p>
      </div>
      {canEdit ? (
        <IdentitySettings inboxId={inboxId} />
      ) : (
        <div className="settings-card__footer settings-card__footer--readonly">
          <span className="read-only-note" data-testid="identity-read-only">
            <LockIcon size={14} /> Only owners and admins can see or rotate the secret.
          </span>
        </div>
      )}
    </section>
  );
}

function IdentitySettings({ inboxId }: { inboxId: string }) {
  const [state, setState] = useState<LoadState>({ kind: 'loading' });
  const [isRevealed, setIsRevealed] = useState(false);
  const [isConfirming, setIsConfirming] = useState(false);
  const [busy, setBusy] = useState<'rotate' | 'require' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const { copyState, copy } = useCopy();
  const codeRef = useRef<HTMLElement>(null);

  useEffect(() => {
    let isCurrent = true;
    getIdentity(inboxId).then(
      (identity) => isCurrent && setState({ kind: 'ready', identity }),
      (caught: unknown) => isCurrent && setState({ kind: 'error', message: describeSaveError(caught) }),
    );
    return () => {
      isCurrent = false;
    };
  }, [inboxId]);

  if (state.kind === 'loading') return <Spinner size="sm" label="Loading identity settings" />;
  if (state.kind === 'error') return <p className="field__error">{state.message}</p>;
  const { identity } = state;

  async function change(kind: 'rotate' | 'require', run: () => Promise<InboxIdentity>, done: string) {
    setBusy(kind);
    setError(null);
    try {
      setState({ kind: 'ready', identity: await run() });
      setAnnouncement(done);
      setIsConfirming(false);
    } catch (caught) {
      setState({ kind: 'ready', identity });
      setError(describeSaveError(caught));
    } finally {
      setBusy(null);
    }
  }

  return (
    <>
      <div className="snippet">
        <div className="snippet__bar">
          <span className="snippet__label">Secret</span>
          <span className="identity-card__actions">
            <button
              type="button"
              className="btn btn--ghost btn--sm"
              onClick={() => setIsRevealed((shown) => !shown)}
              aria-pressed={isRevealed}
              data-testid="identity-reveal"
            >
              {isRevealed ? 'Hide' : 'Show'}
            </button>
            <button
              type="button"
              className="btn btn--ghost btn--sm"
              onClick={() =>
                copy(identity.secret, () => {
                  setIsRevealed(true);
                  if (codeRef.current) window.getSelection()?.selectAllChildren(codeRef.current);
                })
              }
              data-testid="identity-copy"
            >
              {copyState === 'copied' ? <CheckIcon size={14} /> : <CopyIcon size={14} />}
              {copyState === 'copied' ? 'Copied' : 'Copy'}
            </button>
          </span>
        </div>
        <pre className="snippet__code">
          <code ref={codeRef} data-testid="identity-secret">
            {isRevealed ? identity.secret : `${'•'.repeat(24)}${identity.secret.slice(-4)}`}
          </code>
        </pre>
      </div>
      <label className="check-row">
        <input
          type="checkbox"
          className="checkbox"
          checked={identity.requireIdentity}
          disabled={busy !== null}
          onChange={(event) => {
            const requireIdentity = event.target.checked;
            // The box shows the choice at once; a refusal puts it back.
            setState({ kind: 'ready', identity: { ...identity, requireIdentity } });
            void change(
              'require',
              () => setRequireIdentity(inboxId, requireIdentity),
              requireIdentity ? 'Only signed-in visitors can chat now.' : 'Anonymous visitors can chat again.',
            );
          }}
          data-testid="identity-require"
        />
        <span className="field__label">Only signed-in visitors can chat (refuse unsigned visitors)</span>
      </label>
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="settings-card__footer">
        <span className="save-status" role="status">
          {copyState === 'copied'
            ? 'Secret copied to the clipboard.'
            : copyState === 'manual'
              ? 'Copying is blocked here: the secret is selected, press Ctrl+C (⌘C on a Mac).'
              : announcement}
        </span>
        <button
          type="button"
          className="btn btn--secondary"
          onClick={() => setIsConfirming(true)}
          disabled={busy !== null}
          data-testid="identity-rotate"
        >
          Rotate secret
        </button>
      </div>
      {isConfirming ? (
        <ConfirmDialog
          title="Rotate the identity secret?"
          confirmLabel="Rotate"
          isBusy={busy === 'rotate'}
          error={error}
          onConfirm={() =>
            void change('rotate', () => rotateIdentitySecret(inboxId), 'A new secret is in place. Update your server.')
          }
          onCancel={() => setIsConfirming(false)}
          testId="identity-rotate-dialog"
        >
          Your server must sign with the new secret from now on. Visitors verified with the old one are signed out and
          identify again.
        </ConfirmDialog>
      ) : null}
    </>
  );
}
