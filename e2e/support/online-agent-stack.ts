import type { Browser, Page } from 'playwright-core';
import { AgentSocket, type ApiAgent, signUpAgentOverApi, waitUntilOnline } from './agent-api.ts';
import { launchBrowser } from './browser.ts';
import { type Stack, startStack } from './stack.ts';

/** The product running, a browser, and one agent signed up and online (their socket sends replies). */
export interface OnlineAgentStack {
  stack: Stack;
  browser: Browser;
  agent: ApiAgent;
  agentSocket: AgentSocket;
  /** The example site with this agent's inbox in the snippet. */
  exampleSiteUrl: string;
  stop(): Promise<void>;
}

export async function startStackWithOnlineAgent(who: {
  email: string;
  name: string;
  workspace: string;
}): Promise<OnlineAgentStack> {
  const stack = await startStack();
  const browser = await launchBrowser();
  const agent = await signUpAgentOverApi(browser, stack.apiUrl, who);
  const agentSocket = await AgentSocket.connect(stack.apiUrl, agent.context);
  await waitUntilOnline(agent);
  return {
    stack,
    browser,
    agent,
    agentSocket,
    exampleSiteUrl: `${stack.siteUrl}/?siteKey=${agent.inbox.siteKey}`,
    async stop() {
      await agentSocket.close();
      await browser.close();
      await stack.stop();
    },
  };
}

/** The test id of the element that has the focus inside the widget's shadow root. */
export function focusedWidgetTestId(page: Page): Promise<string | null> {
  return page.evaluate(
    () => document.querySelector('parley-widget')?.shadowRoot?.activeElement?.getAttribute('data-testid') ?? null,
  );
}
