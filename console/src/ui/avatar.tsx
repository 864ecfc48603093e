import type { CSSProperties } from 'react';
import { getInitials, pickHue } from '../lib/display-names.ts';
import { UserIcon } from './icons.tsx';
import './avatar-image.css';

interface AvatarProps {
  /** Stable id that picks the colour. */
  id: string;
  /** Shown as initials; null draws a person icon. */
  name: string | null;
  size?: 'sm' | 'md' | 'lg';
  /** The uploaded picture (`avatarUrl`), shown instead of the initials. */
  imageUrl?: string | null;
}

export function Avatar({ id, name, size = 'md', imageUrl }: AvatarProps) {
  const initials = name ? getInitials(name) : '';
  return (
    <span
      className={`avatar avatar--${size}`}
      style={{ '--avatar-hue': pickHue(id) } as CSSProperties}
      aria-hidden="true"
    >
      {imageUrl ? (
        <img className="avatar__image" src={imageUrl} alt="" />
      ) : (
        initials || <UserIcon size={size === 'sm' ? 12 : 16} />
      )}
    </span>
  );
}
