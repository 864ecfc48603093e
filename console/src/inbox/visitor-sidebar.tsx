import type { ConversationSummary, VisitorProfile } from '@parley/api/protocol';
import { type KeyboardEvent, useId, useRef, useState } from 'react';
import { formatVisitorName } from '../lib/display-names.ts';
import { formatFullTime } from '../lib/format-time.ts';
import { CloseIcon, UserIcon } from '../ui/icons.tsx';
import { Spinner } from '../ui/spinner.tsx';
import { useVisitorSidebarData } from './visitor-sidebar-data.ts';
import {
  AttributeList,
  DeviceFacts,
  PageLink,
  PageViews,
  PastConversations,
  SidebarSection,
  VerifiedBadge,
} from './visitor-sidebar-sections.tsx';
import './visitor-sidebar.css';

/** Wide enough for the sidebar beside the conversation and its header on one row; narrower, it opens over it when asked. */
const WIDE_QUERY = '(min-width: 1440px)';
const isWide = () => typeof window.matchMedia === 'function' && window.matchMedia(WIDE_QUERY).matches;

/** Who the visitor is and what is known of them, beside the conversation. */
export function VisitorSidebar({ summary }: { summary: ConversationSummary }) {
  const [isExpanded, setIsExpanded] = useState(isWide);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const bodyId = useId();
  const { state, retry } = useVisitorSidebarData(summary.visitor.id, `${summary.id}:${summary.status}`);

  function collapseOnEscape(event: KeyboardEvent) {
    if (event.key !== 'Escape' || event.defaultPrevented || isWide()) return;
    event.preventDefault();
    setIsExpanded(false);
    toggleRef.current?.focus();
  }

  return (
    <aside
      className={`visitor-sidebar${isExpanded ? ' visitor-sidebar--expanded' : ''}`}
      aria-label="Visitor details"
      data-testid="visitor-sidebar"
      data-state={state.status}
      onKeyDown={collapseOnEscape}
    >
      <div className="visitor-sidebar__bar">
        <button
          ref={toggleRef}
          type="button"
          className="icon-button"
          aria-expanded={isExpanded}
          aria-controls={bodyId}
          aria-label={isExpanded ? 'Hide visitor details' : 'Show visitor details'}
          title={isExpanded ? 'Hide visitor details' : 'Show visitor details'}
          onClick={() => setIsExpanded((expanded) => !expanded)}
          data-testid="visitor-sidebar-toggle"
        >
          {isExpanded ? <CloseIcon size={16} /> : <UserIcon size={18} />}
        </button>
        {isExpanded ? <h2 className="visitor-sidebar__title">Visitor</h2> : null}
      </div>
      <div className="visitor-sidebar__body" id={bodyId} hidden={!isExpanded}>
        {state.status === 'loading' ? (
          <div className="visitor-sidebar__state">
            <Spinner label="Loading the visitor" />
          </div>
        ) : state.status === 'error' ? (
          <div className="visitor-sidebar__state" role="alert">
            <p>{state.message}</p>
            <button
              type="button"
              className="btn btn--secondary btn--sm"
              onClick={retry}
              data-testid="visitor-sidebar-retry"
            >
              Try again
            </button>
          </div>
        ) : (
          <VisitorDetails profile={state.profile} conversations={state.conversations} currentId={summary.id} />
        )}
      </div>
    </aside>
  );
}

function VisitorDetails({
  profile,
  conversations,
  currentId,
}: {
  profile: VisitorProfile;
  conversations: ConversationSummary[];
  currentId: string;
}) {
  return (
    <>
      <section className="visitor-sidebar__identity" aria-label="Identity">
        <p className="visitor-sidebar__name">{formatVisitorName(profile)}</p>
        {profile.email ? (
          <p className="visitor-sidebar__email" data-testid="visitor-sidebar-email">
            {profile.email}
          </p>
        ) : (
          <p className="visitor-sidebar__empty">No email yet</p>
        )}
        <VerifiedBadge isVerified={profile.isVerified} />
        {profile.externalId ? (
          <p className="visitor-sidebar__meta">
            User id <span className="visitor-sidebar__code">{profile.externalId}</span>
          </p>
        ) : null}
        <p className="visitor-sidebar__meta">
          First seen <time dateTime={profile.createdAt}>{formatFullTime(profile.createdAt)}</time>
        </p>
      </section>
      <SidebarSection title="Attributes">
        <AttributeList attributes={profile.attributes} />
      </SidebarSection>
      <SidebarSection title="Current page">
        {profile.currentPage ? (
          <PageLink url={profile.currentPage.url} title={profile.currentPage.title} testId="visitor-current-page" />
        ) : (
          <p className="visitor-sidebar__empty">Not known</p>
        )}
      </SidebarSection>
      <SidebarSection title="Pages visited">
        <PageViews views={profile.pageViews} />
      </SidebarSection>
      <SidebarSection title="Device">
        <DeviceFacts device={profile.device} />
      </SidebarSection>
      <SidebarSection title="Conversations">
        <PastConversations conversations={conversations} currentId={currentId} />
      </SidebarSection>
    </>
  );
}
