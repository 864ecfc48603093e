import type { PreChatForm } from '@parley/api/protocol';
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { preChatContext } from './pre-chat-context.ts';

type FormModule = typeof import('./pre-chat-form.tsx');
let loading: Promise<FormModule> | undefined;

interface PreChatGateProps {
  form: PreChatForm | undefined;
  /** No conversation yet: the form comes before the first message. */
  isBeforeFirstMessage: boolean;
  locale: string | undefined;
  children: ComponentChildren;
}

/** The chat (children), or first the inbox's pre-chat form, whose code loads only for inboxes that have one. */
export function PreChatGate({ form, isBeforeFirstMessage, locale, children }: PreChatGateProps) {
  const [module, setModule] = useState<FormModule>();
  const [, setAnswered] = useState(0);
  const isAsked = form?.enabled && isBeforeFirstMessage && !preChatContext.isAnswered;
  const done = () => {
    preChatContext.isAnswered = true;
    setAnswered(1);
  };
  useEffect(() => {
    if (!isAsked) return;
    loading ||= import('./pre-chat-form.tsx');
    // A form that cannot load must not stop the visitor from chatting.
    loading.then(setModule, done);
  }, [isAsked]);
  if (!isAsked || !form) return <>{children}</>;
  return module ? <module.PreChatFormView form={form} locale={locale} onDone={done} /> : <div class="messages" />;
}
