import { useState } from 'react';
import { useAppData } from '../app/use-app-data.ts';
import { TeammateAvatar } from '../ui/avatar-teammate.tsx';
import { Spinner } from '../ui/spinner.tsx';
import { joinConversation } from './participants-api.ts';
import { useParticipants } from './use-participants.ts';
import './participants.css';

const MAX_SHOWN = 4;

/** Who takes part in the conversation (wrote in it or joined), and Join for the agent who does not yet. */
export function ParticipantsBar({
  conversationId,
  onError,
}: {
  conversationId: string;
  onError(message: string): void;
}) {
  const me = useAppData().me;
  const { state, set } = useParticipants(conversationId);
  const [isJoining, setIsJoining] = useState(false);
  if (state.status !== 'ready') return null;
  const { participants } = state;
  const isParticipant = participants.some((participant) => participant.id === me.user.id);
  const shown = participants.slice(0, MAX_SHOWN);
  const names = participants.map((participant) => participant.name).join(', ');

  async function handleJoin() {
    setIsJoining(true);
    try {
      set((await joinConversation(conversationId)).participants);
    } catch {
      onError('Could not join the conversation. Try again.');
    } finally {
      setIsJoining(false);
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
      {isParticipant ? null : (
        <button
          type="button"
          className="btn btn--ghost btn--sm"
          onClick={handleJoin}
          disabled={isJoining}
          data-testid="join-conversation"
          title="Follow this conversation and take part in it"
        >
          {isJoining ? <Spinner size="sm" /> : null}
          {isJoining ? 'Joining…' : 'Join'}
        </button>
      )}
    </div>
  );
}
