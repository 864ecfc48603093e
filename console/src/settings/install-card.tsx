import type { Inbox } from '@parley/api/protocol';
import { useRef, useState } from 'react';
import { updateInbox } from '../api/endpoints.ts';
import { isApiError } from '../api/http.ts';
import { useCopy } from '../lib/use-copy.ts';
import { CheckIcon, CopyIcon, ExternalLinkIcon } from '../ui/icons.tsx';
import { normalizeOrigin } from './normalize-origin.ts';

interface InstallCardProps {
  inbox: Inbox;
  exampleSiteUrl: string | null;
  /** Only owners and admins may add the example site to the allowed origins. */
  canEdit: boolean;
  onInboxChanged(inbox: Inbox): void;
}

export function InstallCard({ inbox, exampleSiteUrl, canEdit, onInboxChanged }: InstallCardProps) {
  const { copyState, copy } = useCopy();
  const codeRef = useRef<HTMLElement>(null);
  const handleCopy = () => copy(inbox.snippet, () => selectContents(codeRef.current));

  return (
    <section className="card settings-card" aria-labelledby="install-title">
      <div className="settings-card__header">
        <h2 className="settings-card__title" id="install-title">
          Install the chat widget
        </h2>
        <p className="settings-card__description">
          Paste this snippet just before <code>&lt;/body&gt;</code> on every page where visitors should be able to chat.
        </p>
      </div>

      <div className="snippet">
        <div className="snippet__bar">
          <span className="snippet__label">HTML</span>
          <button type="button" className="btn btn--ghost btn--sm" onClick={handleCopy} data-testid="copy-snippet">
            {copyState === 'copied' ? <CheckIcon size={14} /> : <CopyIcon size={14} />}
            {copyState === 'copied' ? 'Copied' : 'Copy'}
          </button>
        </div>
        <pre className="snippet__code">
          <code ref={codeRef} data-testid="snippet">
            {inbox.snippet}
          </code>
        </pre>
      </div>
      <p className="snippet__status" role="status">
        {copyState === 'copied' ? 'Snippet copied to the clipboard.' : null}
        {copyState === 'manual'
          ? 'Copying is blocked here: the snippet is selected, press Ctrl+C (⌘C on a Mac).'
          : null}
      </p>

      <dl className="facts">
        <div className="facts__row">
          <dt>Site key</dt>
          <dd>
            <code>{inbox.siteKey}</code>
          </dd>
        </div>
      </dl>

      {exampleSiteUrl ? (
        <ExampleSite inbox={inbox} exampleSiteUrl={exampleSiteUrl} canEdit={canEdit} onInboxChanged={onInboxChanged} />
      ) : null}
    </section>
  );
}

function ExampleSite({
  inbox,
  exampleSiteUrl,
  canEdit,
  onInboxChanged,
}: InstallCardProps & { exampleSiteUrl: string }) {
  const [isSaving, setIsSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const base = exampleSiteUrl.replace(/\/+$/, '');
  const href = `${base}/?siteKey=${encodeURIComponent(inbox.siteKey)}`;
  const normalized = normalizeOrigin(base);
  const exampleOrigin = normalized.ok ? normalized.origin : null;
  const isAllowed = exampleOrigin === null || inbox.allowedOrigins.includes(exampleOrigin);

  async function allowExampleOrigin() {
    if (!exampleOrigin) return;
    setIsSaving(true);
    setError(null);
    try {
      onInboxChanged(await updateInbox(inbox.id, { allowedOrigins: [...inbox.allowedOrigins, exampleOrigin] }));
    } catch (caught) {
      setError(isApiError(caught) ? caught.message : 'Could not save. Try again.');
    } finally {
      setIsSaving(false);
    }
  }

  return (
    <div className="example-site">
      <div className="example-site__text">
        <h3 className="example-site__title">Try it on the example site</h3>
        <p className="example-site__body">
          A demo page with your widget already installed. Chat as a visitor there and answer here.
        </p>
        {!isAllowed ? (
          <p className="example-site__warning">
            {exampleOrigin} is not an allowed origin yet, so the widget will not load there.{' '}
            {canEdit ? (
              <button type="button" className="link-button" onClick={allowExampleOrigin} disabled={isSaving}>
                {isSaving ? 'Allowing…' : 'Allow it'}
              </button>
            ) : (
              'An owner or admin can allow it.'
            )}
          </p>
        ) : null}
        {error ? <p className="field__error">{error}</p> : null}
      </div>
      <a
        className="btn btn--secondary"
        href={href}
        target="_blank"
        rel="noopener noreferrer"
        data-testid="example-site-link"
      >
        Open the example site
        <ExternalLinkIcon size={14} />
      </a>
    </div>
  );
}

function selectContents(element: HTMLElement | null) {
  if (!element) return;
  const selection = window.getSelection();
  const range = document.createRange();
  range.selectNodeContents(element);
  selection?.removeAllRanges();
  selection?.addRange(range);
}
