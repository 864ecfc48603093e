import type { Inbox, Me } from '@parley/api/protocol';
import { type LoaderFunctionArgs, redirect } from 'react-router';
import { getInstance, getMe, type Instance, listInboxes } from '../api/endpoints.ts';
import { isApiError } from '../api/http.ts';

export interface AppData {
  me: Me;
  instance: Instance;
}

/** The signed-in area: first run goes to sign-up, no session goes to login (then back here). */
export async function loadApp({ request }: LoaderFunctionArgs): Promise<AppData> {
  const instance = await getInstance();
  if (!instance.hasAccounts) throw redirect('/signup');
  const me = await getMeOrNull();
  if (!me) {
    const url = new URL(request.url);
    const next = `${url.pathname}${url.search}`;
    throw redirect(next === '/' || next === '/conversations' ? '/login' : `/login?next=${encodeURIComponent(next)}`);
  }
  return { me, instance };
}

export interface AuthPageData {
  instance: Instance;
}

export async function loadLogin({ request }: LoaderFunctionArgs): Promise<AuthPageData> {
  const instance = await getInstance();
  if (!instance.hasAccounts) throw redirect('/signup');
  if (await getMeOrNull()) throw redirect(readNextPath(request.url));
  return { instance };
}

export async function loadSignup({ request }: LoaderFunctionArgs): Promise<AuthPageData> {
  const instance = await getInstance();
  if (instance.hasAccounts && (await getMeOrNull())) throw redirect(readNextPath(request.url));
  return { instance };
}

export interface InboxSettingsData {
  inbox: Inbox | null;
}

/** The inbox `?inbox=<id>` names (Settings → Inboxes links there), else the first. */
export async function loadInboxSettings(inboxId?: string | null): Promise<InboxSettingsData> {
  const { inboxes } = await listInboxes();
  return { inbox: inboxes.find((inbox) => inbox.id === inboxId) ?? inboxes[0] ?? null };
}

/** Where to go after signing in: a same-site path from ?next=, else the inbox. */
export function readNextPath(url: string): string {
  const next = new URL(url).searchParams.get('next');
  return next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/conversations';
}

async function getMeOrNull(): Promise<Me | null> {
  try {
    return await getMe();
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}
