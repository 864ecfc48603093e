import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { ConversationList } from '../../api/src/protocol/index.ts';
import type { ApiAgent } from './agent-api.ts';
import { eventually } from './parley-pages.ts';

/** The open conversation whose last message is `body`, as the agent's REST api lists it. */
export async function conversationEndingWith(agent: ApiAgent, body: string, timeoutMs = 30_000): Promise<string> {
  let id = '';
  await eventually(async () => {
    const { conversations } = await agent.call<ConversationList>('GET', '/v1/conversations?status=open');
    id = conversations.find((c) => c.lastMessage?.body === body)?.id ?? '';
    expect(id, `a conversation ending with "${body}"`).not.toBe('');
  }, timeoutMs);
  return id;
}

/** The data-status of the widget's message holding `text`, once there is exactly one. */
export async function expectMessageStatus(page: Page, text: string, status: string, timeoutMs = 30_000) {
  const message = page.getByTestId('parley-message').filter({ hasText: text });
  await eventually(async () => {
    expect(await message.count(), `messages holding "${text.slice(0, 40)}"`).toBe(1);
    expect(await message.getAttribute('data-status')).toBe(status);
  }, timeoutMs);
}

/** A small PNG drawn in the page (a real image file, as a visitor would pick). */
export async function drawPng(page: Page, label: string): Promise<Buffer> {
  const dataUrl = await page.evaluate((text) => {
    const canvas = document.createElement('canvas');
    canvas.width = 480;
    canvas.height = 300;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no canvas');
    context.fillStyle = '#2563eb';
    context.fillRect(0, 0, 480, 300);
    context.fillStyle = '#ffffff';
    context.font = 'bold 36px sans-serif';
    context.fillText(text, 24, 150);
    return canvas.toDataURL('image/png');
  }, label);
  return Buffer.from(dataUrl.split(',')[1] ?? '', 'base64');
}
