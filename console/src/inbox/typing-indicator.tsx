import type { TypingActor } from '@parley/api/protocol';
import { useConversationPresenceState } from './typing-hooks.ts';
import './typing-indicator.css';

/**
 * Above the composer: "Visitor is typing…", and a warning when a teammate is typing a reply here too.
 * Read out politely, as the timeline is.
 */
export function TypingIndicator({ conversationId }: { conversationId: string }) {
  const { typists } = useConversationPresenceState(conversationId);
  const isVisitorTyping = typists.some((typist) => typist.type === 'visitor');
  const teammates = typists.filter(
    (typist): typist is Extract<TypingActor, { type: 'agent' }> => typist.type === 'agent',
  );
  return (
    <div className="typing-indicator" aria-live="polite">
      {teammates.length > 0 ? (
        <p className="typing-indicator__collision" data-testid="typing-collision">
          <strong>{teammates.map((teammate) => teammate.name).join(', ')}</strong>
          {teammates.length === 1 ? ' is' : ' are'} typing a reply here too. Check before you send.
        </p>
      ) : null}
      {isVisitorTyping ? (
        <p className="typing-indicator__visitor" data-testid="visitor-typing">
          <span className="typing-indicator__dots" aria-hidden="true">
            <i />
            <i />
            <i />
          </span>
          Visitor is typing…
        </p>
      ) : null}
    </div>
  );
}
