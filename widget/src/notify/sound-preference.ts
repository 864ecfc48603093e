import type { KeyValueStorage } from '../sync/storage.ts';

/** The visitor's mute toggle, kept per site key on this device (reset, a sign-out, keeps it). */
export interface SoundPreference {
  isMuted(): boolean;
  setMuted(isMuted: boolean): void;
}

export function getMutedKey(siteKey: string): string {
  return `parley:${siteKey}:muted`;
}

export function createSoundPreference(storage: KeyValueStorage, siteKey: string): SoundPreference {
  const key = getMutedKey(siteKey);
  return {
    isMuted: () => storage.getItem(key) === '1',
    setMuted(isMuted) {
      if (isMuted) storage.setItem(key, '1');
      else storage.removeItem(key);
    },
  };
}
