import type { Inbox } from '@parley/api/protocol';
import type { LoaderFunctionArgs } from 'react-router';
import { listInboxes } from '../api/endpoints.ts';
import { getInbox } from './inbox-list-api.ts';

export async function loadInboxListPage(): Promise<{ inboxes: Inbox[] }> {
  return listInboxes();
}

export async function loadAppearancePage({ params }: LoaderFunctionArgs): Promise<{ inbox: Inbox }> {
  return { inbox: await getInbox(params.inboxId ?? '') };
}
