import { useState } from 'preact/hooks';
import { strings } from '../i18n/strings.ts';
import type { SoundPreference } from '../notify/sound-preference.ts';
import { SoundIcon } from './icons.tsx';

/** The header's mute button: pressed means no chime for new messages on this site. */
export function MuteToggle({ preference }: { preference: SoundPreference }) {
  const [isMuted, setIsMuted] = useState(() => preference.isMuted());
  return (
    <button
      type="button"
      class="icon-button"
      data-testid="parley-mute"
      aria-label={strings.muteSound}
      title={strings.muteSound}
      aria-pressed={isMuted}
      onClick={() => {
        preference.setMuted(!isMuted);
        setIsMuted(!isMuted);
      }}
    >
      <SoundIcon isMuted={isMuted} />
    </button>
  );
}
