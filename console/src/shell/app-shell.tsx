import { useCallback } from 'react';
import { Outlet, useNavigate } from 'react-router';
import { useAppData } from '../app/use-app-data.ts';
import { ConsoleNotifier } from '../notifications/console-notifier.tsx';
import { ConsoleStoreContext } from '../realtime/console-store-context.tsx';
import { useSearchShortcut } from '../search/use-search-shortcut.ts';
import { ConnectionBanner } from './connection-banner.tsx';
import { Sidebar } from './sidebar.tsx';
import { useConsoleStoreLifecycle } from './use-console-store-lifecycle.ts';
import './shell.css';

/** The signed-in frame: sidebar, connection banner and the page; owns the real-time store. */
export function AppShell() {
  const { me } = useAppData();
  const navigate = useNavigate();
  const goToLogin = useCallback(() => navigate('/login', { replace: true }), [navigate]);
  const store = useConsoleStoreLifecycle(me.user.id, goToLogin);
  useSearchShortcut();

  return (
    <ConsoleStoreContext.Provider value={store}>
      <ConsoleNotifier myUserId={me.user.id} />
      <div className="shell">
        <Sidebar />
        <div className="shell__main">
          <ConnectionBanner />
          <Outlet />
        </div>
      </div>
    </ConsoleStoreContext.Provider>
  );
}
