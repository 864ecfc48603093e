import type { ConversationLabels, Label, LabelCreateBody, LabelList, LabelUpdateBody } from '@parley/api/protocol';
import { rememberConversationLabels } from '../inbox/label-store.ts';
import { requestJson } from './http.ts';

// The workspace's labels (every agent reads; owners and admins change them, others get 403) and the
// labels on a conversation (any agent). What comes back about a conversation is remembered for the inbox.

const labelPath = (labelId: string) => `/v1/labels/${encodeURIComponent(labelId)}`;
const conversationLabelsPath = (conversationId: string) =>
  `/v1/conversations/${encodeURIComponent(conversationId)}/labels`;

export function listLabels(): Promise<LabelList> {
  return requestJson('GET', '/v1/labels');
}

export function createLabel(body: LabelCreateBody): Promise<Label> {
  return requestJson('POST', '/v1/labels', body);
}

export function updateLabel(labelId: string, body: LabelUpdateBody): Promise<Label> {
  return requestJson('PATCH', labelPath(labelId), body);
}

/** It comes off every conversation that had it. */
export function deleteLabel(labelId: string): Promise<void> {
  return requestJson('DELETE', labelPath(labelId));
}

export async function getConversationLabels(conversationId: string): Promise<ConversationLabels> {
  return remember(conversationId, await requestJson('GET', conversationLabelsPath(conversationId)));
}

export async function addConversationLabel(conversationId: string, labelId: string): Promise<ConversationLabels> {
  const path = `${conversationLabelsPath(conversationId)}/${encodeURIComponent(labelId)}`;
  return remember(conversationId, await requestJson('PUT', path));
}

export async function removeConversationLabel(conversationId: string, labelId: string): Promise<ConversationLabels> {
  const path = `${conversationLabelsPath(conversationId)}/${encodeURIComponent(labelId)}`;
  return remember(conversationId, await requestJson('DELETE', path));
}

function remember(conversationId: string, answer: ConversationLabels): ConversationLabels {
  rememberConversationLabels([{ id: conversationId, labels: answer.labels }]);
  return answer;
}
