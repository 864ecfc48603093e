import type { ConversationSummary, VisitorProfile } from '@parley/api/protocol';
import { type ReactNode, useEffect, useId, useState } from 'react';
import { Link } from 'react-router';
import { formatFullTime, formatRelativeTime } from '../lib/format-time.ts';
import { useNow } from '../lib/use-now.ts';
import { ExternalLinkIcon } from '../ui/icons.tsx';
import { STATUS_LABELS } from './status-labels.ts';
import { formatDevice, formatLocalTime, formatPageAddress, toSafeHttpUrl } from './visitor-sidebar-format.ts';

// The sections of the visitor sidebar, each one job. Everything the site or visitor wrote is React text.

const VERIFIED_TIP =
  "Signed in on the site: your server signed this user id with the inbox's identity secret, so it is really them.";
const UNVERIFIED_TIP =
  'Not proven: anyone can type a name or email. Sites verify signed-in users by identifying them with a signed hash.';

export function VerifiedBadge({ isVerified }: { isVerified: boolean }) {
  const tipId = useId();
  return (
    <span className="visitor-sidebar__tip-anchor">
      {/* A button so that keyboard users reach the explanation too (it shows on focus and hover). */}
      <button
        type="button"
        className={`badge visitor-sidebar__badge ${isVerified ? 'badge--success' : 'visitor-sidebar__badge--unverified'}`}
        aria-describedby={tipId}
        data-testid="visitor-verified"
        data-verified={isVerified}
      >
        {isVerified ? 'Verified' : 'Not verified'}
      </button>
      <span role="tooltip" id={tipId} className="visitor-sidebar__tooltip">
        {isVerified ? VERIFIED_TIP : UNVERIFIED_TIP}
      </span>
    </span>
  );
}

export function SidebarSection({ title, children }: { title: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <section className="visitor-sidebar__section" aria-labelledby={headingId}>
      <h3 className="visitor-sidebar__heading" id={headingId}>
        {title}
      </h3>
      {children}
    </section>
  );
}

export function AttributeList({ attributes }: { attributes: VisitorProfile['attributes'] }) {
  const entries = Object.entries(attributes).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return <p className="visitor-sidebar__empty">The site has set no attributes.</p>;
  return (
    <dl className="visitor-sidebar__facts" data-testid="visitor-attributes">
      {entries.map(([key, value]) => (
        <div key={key} className="visitor-sidebar__fact" data-testid="visitor-attribute" data-key={key}>
          <dt>{key}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A page address: a link that opens in a new tab when it is http(s), plain text otherwise. */
export function PageLink({ url, title, testId }: { url: string; title: string | null; testId?: string }) {
  const href = toSafeHttpUrl(url);
  const address = formatPageAddress(url);
  const label = title?.trim() || address;
  if (!href) {
    return (
      <span className="visitor-sidebar__page" data-testid={testId}>
        {label}
      </span>
    );
  }
  return (
    <a
      className="visitor-sidebar__page"
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      title={url}
      data-testid={testId}
    >
      <span className="visitor-sidebar__page-title">{label}</span>
      <ExternalLinkIcon size={12} />
      <span className="visually-hidden"> (opens in a new tab)</span>
      {label !== address ? <span className="visitor-sidebar__page-address">{address}</span> : null}
    </a>
  );
}

export function PageViews({ views }: { views: VisitorProfile['pageViews'] }) {
  const now = useNow();
  if (views.length === 0) return <p className="visitor-sidebar__empty">No pages recorded yet.</p>;
  return (
    <ol className="visitor-sidebar__list" aria-label="Pages visited, newest first">
      {views.map((view) => (
        <li key={`${view.url}@${view.viewedAt}`} className="visitor-sidebar__list-item" data-testid="visitor-page-view">
          <PageLink url={view.url} title={view.title} />
          <time className="visitor-sidebar__when" dateTime={view.viewedAt} title={formatFullTime(view.viewedAt)}>
            {formatRelativeTime(view.viewedAt, now)}
          </time>
        </li>
      ))}
    </ol>
  );
}

/** The visitor's wall-clock time, ticking. */
export function LocalClock({ timeZone }: { timeZone: string }) {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 10_000);
    return () => clearInterval(timer);
  }, []);
  const text = formatLocalTime(now, timeZone);
  return (
    <span data-testid="visitor-local-time" title={timeZone}>
      {text ?? timeZone}
    </span>
  );
}

export function DeviceFacts({ device }: { device: VisitorProfile['device'] }) {
  const deviceText = formatDevice(device);
  return (
    <dl className="visitor-sidebar__facts">
      <div className="visitor-sidebar__fact">
        <dt>Browser</dt>
        <dd data-testid="visitor-device" title={device.userAgent ?? undefined}>
          {deviceText ?? <span className="muted">Unknown</span>}
        </dd>
      </div>
      <div className="visitor-sidebar__fact">
        <dt>Local time</dt>
        <dd>{device.timeZone ? <LocalClock timeZone={device.timeZone} /> : <span className="muted">Unknown</span>}</dd>
      </div>
    </dl>
  );
}

export function PastConversations({
  conversations,
  currentId,
}: {
  conversations: ConversationSummary[];
  currentId: string;
}) {
  const now = useNow();
  if (conversations.length <= 1) return <p className="visitor-sidebar__empty">No other conversations.</p>;
  return (
    <ul className="visitor-sidebar__list">
      {conversations.map((conversation) => {
        const isCurrent = conversation.id === currentId;
        const preview = conversation.lastMessage?.body ?? 'No messages yet';
        const status = STATUS_LABELS[conversation.status];
        const body = (
          <>
            <span className="visitor-sidebar__conversation-top">
              <span className={`badge badge--${conversation.status === 'resolved' ? 'success' : 'accent'}`}>
                {status}
              </span>
              <time dateTime={conversation.createdAt} title={formatFullTime(conversation.createdAt)}>
                {formatRelativeTime(conversation.createdAt, now)}
              </time>
            </span>
            <span className="visitor-sidebar__conversation-preview">{preview}</span>
          </>
        );
        return (
          <li key={conversation.id} className="visitor-sidebar__list-item">
            {isCurrent ? (
              <span
                className="visitor-sidebar__conversation visitor-sidebar__conversation--current"
                aria-current="page"
              >
                {body}
                <span className="visitor-sidebar__when">This conversation</span>
              </span>
            ) : (
              <Link
                className="visitor-sidebar__conversation"
                to={{
                  pathname: `/conversations/${conversation.id}`,
                  search: conversation.status === 'resolved' ? '?status=resolved' : '',
                }}
                data-testid="visitor-past-conversation"
                data-conversation-id={conversation.id}
              >
                {body}
              </Link>
            )}
          </li>
        );
      })}
    </ul>
  );
}
