import { TeammateAvatar } from '../ui/avatar-teammate.tsx';
import { useConversationPresenceState } from './typing-hooks.ts';
import './viewers-bar.css';

/** The teammates looking at this conversation now (collision: two people may answer at once). */
export function ViewersBar({ conversationId }: { conversationId: string }) {
  const { viewers } = useConversationPresenceState(conversationId);
  if (viewers.length === 0) return null;
  const names = viewers.map((viewer) => viewer.name).join(', ');
  const text = `${names} ${viewers.length === 1 ? 'is' : 'are'} also viewing`;
  return (
    <div className="viewers-bar" data-testid="conversation-viewers" title={text}>
      <ul className="viewers-bar__avatars" aria-hidden="true">
        {viewers.slice(0, 3).map((viewer) => (
          <li key={viewer.id}>
            <TeammateAvatar id={viewer.id} name={viewer.name} size="sm" />
          </li>
        ))}
      </ul>
      <span className="viewers-bar__label">{viewers.length === 1 ? text : `${viewers.length} teammates viewing`}</span>
      <span className="visually-hidden">{viewers.length === 1 ? '' : `: ${names}`}</span>
    </div>
  );
}
