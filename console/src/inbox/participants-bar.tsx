import { useState } from 'react';
import { useAppData } from '../app/use-app-data.ts';
import { useConsoleStore } from '../realtime/console-store-context.tsx';
import { TeammateAvatar } from '../ui/avatar-teammate.tsx';
import { Spinner } from '../ui/spinner.tsx';
import { joinConversation, leaveConversation } from './participants-api.ts';
import { useParticipants } from './use-participants.ts';
import './participants.css';

const MAX_SHOWN = 4;

/** Who takes part in the conversation (wrote in it or joined); Join for the agent who does not yet, Leave for one who does. */
export function ParticipantsBar({
  conversationId,
  onError,
}: {
  conversationId: string;
  onError(message: string): void;
}) {
  const me = useAppData().me;
  const store = useConsoleStore();
  const { state, set } = useParticipants(conversationId);
  const [change, setChange] = useState<'join' | 'leave' | null>(null);
  if (state.status !== 'ready') return null;
  const { participants } = state;
  const isParticipant = participants.some((participant) => participant.id === me.user.id);
  const shown = participants.slice(0, MAX_SHOWN);
  const names = participants.map((participant) => participant.name).join(', ');

  // Through the store, so the list's Participating view and its count follow at once.
  async function handleChange(kind: 'join' | 'leave') {
    setChange(kind);
    try {
      const request = kind === 'join' ? joinConversation : leaveConversation;
      set((await store.changeParticipants(conversationId, () => request(conversationId))).participants);
    } catch {
      onError(
        kind === 'join'
          ? 'Could not join the conversation. Try again.'
          : 'Could not leave the conversation. Try again.',
      );
    } finally {
      setChange(null);
    }
  }

  return (
    <div className="participants" data-testid="participants" data-count={participants.length}>
      {participants.length > 0 ? (
        <ul className="participants__list" aria-label={`Participants: ${names}`} title={`Participants: ${names}`}>
          {shown.map((participant) => (
            <li
              key={participant.id}
              className="participants__item"
              data-testid="participant"
              data-user-id={participant.id}
            >
              <TeammateAvatar id={participant.id} name={participant.name} size="sm" />
            </li>
          ))}
          {participants.length > MAX_SHOWN ? (
            <li className="participants__more" aria-hidden="true">
              +{participants.length - MAX_SHOWN}
            </li>
          ) : null}
        </ul>
      ) : null}
      {isParticipant ? (
        <button
          type="button"
          className="btn btn--ghost btn--sm"
          onClick={() => handleChange('leave')}
          disabled={change !== null}
          data-testid="leave-conversation"
          title="Take part in this conversation no more"
        >
          {change === 'leave' ? <Spinner size="sm" /> : null}
          {change === 'leave' ? 'Leaving…' : 'Leave'}
        </button>
      ) : (
        <button
          type="button"
          className="btn btn--ghost btn--sm"
          onClick={() => handleChange('join')}
          disabled={change !== null}
          data-testid="join-conversation"
          title="Follow this conversation and take part in it"
        >
          {change === 'join' ? <Spinner size="sm" /> : null}
          {change === 'join' ? 'Joining…' : 'Join'}
        </button>
      )}
    </div>
  );
}
