import type {
  ConversationDetail,
  ConversationRating,
  TranscriptEmail,
  WidgetConversationList,
} from '@parley/api/protocol';
import { preChatContext } from '../pre-chat/pre-chat-context.ts';
import { ApiError, createApiRequest } from '../sync/api-request.ts';

// The running chat's api base and visitor token: the context mount-chat.ts fills in for on-demand chunks.
const context = preChatContext;

/** The visitor calls of the on-demand views, with the chat's token. */
async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  const token = await context.visitorToken();
  const request = createApiRequest(context.apiBase, (url, options) => fetch(url, options));
  return request<T>(path, { ...init, headers: { ...init.headers, authorization: `Bearer ${token}` } });
}

const conversationPath = (id: string) => `/v1/widget/conversations/${encodeURIComponent(id)}`;

export const listConversations = () => call<WidgetConversationList>('/v1/widget/conversations');

export const loadConversation = (id: string) => call<ConversationDetail>(`${conversationPath(id)}?limit=200`);

export const rateConversation = (id: string, rating: number, comment: string) =>
  call<ConversationRating>(`${conversationPath(id)}/rating`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(comment ? { rating, comment } : { rating }),
  });

export const emailTranscript = (id: string) =>
  call<TranscriptEmail>(`${conversationPath(id)}/transcript/email`, { method: 'POST' });

/** The file name the api gives in Content-Disposition, or a plain default. */
export function readFileName(disposition: string | null): string {
  return /filename="([\w.-]+)"/.exec(disposition ?? '')?.[1] ?? 'transcript.txt';
}

/** Fetches the transcript (the token is a header, so no plain link) and saves it as the api names it. */
export async function downloadTranscript(id: string): Promise<void> {
  const token = await context.visitorToken();
  const response = await fetch(`${context.apiBase}${conversationPath(id)}/transcript`, {
    mode: 'cors',
    credentials: 'omit',
    headers: { authorization: `Bearer ${token}` },
  });
  if (!response.ok) throw new ApiError(response.status, 'transcript/failed', response.statusText);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = readFileName(response.headers.get('content-disposition'));
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
