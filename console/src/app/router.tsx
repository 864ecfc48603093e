import { createBrowserRouter, redirect } from 'react-router';
import { LoginPage } from '../auth/login-page.tsx';
import { SignupPage } from '../auth/signup-page.tsx';
import { ContactPage } from '../contacts/contact-page.tsx';
import { ContactsPage } from '../contacts/contacts-page.tsx';
import { ConversationPane } from '../inbox/conversation-pane.tsx';
import { InboxPage } from '../inbox/inbox-page.tsx';
import { NoConversationSelected } from '../inbox/no-conversation-selected.tsx';
import { loadInvitePage } from '../invite/invite-loader.ts';
import { InvitePage } from '../invite/invite-page.tsx';
import { MentionsPage } from '../mentions/mentions-page.tsx';
import { QueuePage } from '../queue/queue-page.tsx';
import { SearchPage } from '../search/search-page.tsx';
import { AppearancePage } from '../settings/appearance-page.tsx';
import { loadCannedSettingsPage } from '../settings/canned-settings-loader.ts';
import { CannedSettingsPage } from '../settings/canned-settings-page.tsx';
import { loadAppearancePage, loadInboxListPage } from '../settings/inbox-list-loader.ts';
import { InboxListPage } from '../settings/inbox-list-page.tsx';
import { InboxSettingsPage } from '../settings/inbox-settings-page.tsx';
import { loadLabelSettingsPage } from '../settings/label-settings-loader.ts';
import { LabelSettingsPage } from '../settings/label-settings-page.tsx';
import { MembersPage } from '../settings/members-page.tsx';
import { ProfilePage } from '../settings/profile-page.tsx';
import { loadInboxSettingsPage, loadMembersPage, loadTeamsPage } from '../settings/settings-loaders.ts';
import { TeamsPage } from '../settings/teams-page.tsx';
import { AppShell } from '../shell/app-shell.tsx';
import { KeyboardShortcuts } from '../shortcuts/keyboard-shortcuts.tsx';
import { FullPageLoader } from '../ui/full-page-loader.tsx';
import { loadApp, loadLogin, loadSignup } from './loaders.ts';
import { NotFoundPage } from './not-found-page.tsx';
import { RouteErrorPage } from './route-error-page.tsx';

export const router = createBrowserRouter([
  {
    path: '/signup',
    loader: loadSignup,
    Component: SignupPage,
    ErrorBoundary: RouteErrorPage,
    HydrateFallback: FullPageLoader,
  },
  {
    path: '/login',
    loader: loadLogin,
    Component: LoginPage,
    ErrorBoundary: RouteErrorPage,
    HydrateFallback: FullPageLoader,
  },
  {
    path: '/invite/:token',
    loader: loadInvitePage,
    Component: InvitePage,
    ErrorBoundary: RouteErrorPage,
    HydrateFallback: FullPageLoader,
  },
  {
    id: 'app',
    loader: loadApp,
    // Who is signed in does not change while navigating inside the app; logout leaves it.
    shouldRevalidate: () => false,
    Component: AppShell,
    ErrorBoundary: RouteErrorPage,
    HydrateFallback: FullPageLoader,
    // The keyboard shortcuts wrap every signed-in page.
    children: [
      {
        Component: KeyboardShortcuts,
        children: [
          { path: '/', loader: () => redirect('/conversations'), element: null },
          {
            path: '/conversations',
            Component: InboxPage,
            children: [
              { index: true, Component: NoConversationSelected },
              { path: ':conversationId', Component: ConversationPane },
            ],
          },
          { path: '/queue', Component: QueuePage },
          { path: '/queue/:inboxId', Component: QueuePage },
          { path: '/search', Component: SearchPage },
          { path: '/mentions', Component: MentionsPage },
          { path: '/contacts', Component: ContactsPage },
          { path: '/contacts/:contactId', Component: ContactPage },
          { path: '/settings', loader: () => redirect('/settings/inbox'), element: null },
          {
            path: '/settings/inbox',
            loader: loadInboxSettingsPage,
            Component: InboxSettingsPage,
            ErrorBoundary: RouteErrorPage,
          },
          {
            path: '/settings/inboxes',
            loader: loadInboxListPage,
            Component: InboxListPage,
            ErrorBoundary: RouteErrorPage,
          },
          {
            path: '/settings/inboxes/:inboxId/appearance',
            loader: loadAppearancePage,
            Component: AppearancePage,
            ErrorBoundary: RouteErrorPage,
          },
          { path: '/settings/profile', Component: ProfilePage, ErrorBoundary: RouteErrorPage },
          { path: '/settings/teams', loader: loadTeamsPage, Component: TeamsPage, ErrorBoundary: RouteErrorPage },
          { path: '/settings/members', loader: loadMembersPage, Component: MembersPage, ErrorBoundary: RouteErrorPage },
          {
            path: '/settings/canned-responses',
            loader: loadCannedSettingsPage,
            Component: CannedSettingsPage,
            ErrorBoundary: RouteErrorPage,
          },
          {
            path: '/settings/labels',
            loader: loadLabelSettingsPage,
            Component: LabelSettingsPage,
            ErrorBoundary: RouteErrorPage,
          },
          { path: '*', Component: NotFoundPage },
        ],
      },
    ],
  },
]);
