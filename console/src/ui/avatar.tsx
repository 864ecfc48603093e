import type { CSSProperties } from 'react';
import { getInitials, pickHue } from '../lib/display-names.ts';
import { UserIcon } from './icons.tsx';

interface AvatarProps {
  /** Stable id that picks the colour. */
  id: string;
  /** Shown as initials; null draws a person icon. */
  name: string | null;
  size?: 'sm' | 'md' | 'lg';
}

export function Avatar({ id, name, size = 'md' }: AvatarProps) {
  const initials = name ? getInitials(name) : '';
  return (
    <span
      className={`avatar avatar--${size}`}
      style={{ '--avatar-hue': pickHue(id) } as CSSProperties}
      aria-hidden="true"
    >
      {initials || <UserIcon size={size === 'sm' ? 12 : 16} />}
    </span>
  );
}
