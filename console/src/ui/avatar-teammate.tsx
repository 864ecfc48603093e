import { useMemo } from 'react';
import { useConsoleSnapshot } from '../realtime/console-store-context.tsx';
import { Avatar } from './avatar.tsx';

/** A teammate's avatar: their uploaded picture when the members list has one, otherwise their initials. */
export function TeammateAvatar({ id, name, size }: { id: string; name: string | null; size?: 'sm' | 'md' | 'lg' }) {
  const { members } = useConsoleSnapshot().team;
  const imageUrl = useMemo(() => members.find((member) => member.userId === id)?.avatarUrl ?? null, [members, id]);
  return <Avatar id={id} name={name} size={size} imageUrl={imageUrl} />;
}
