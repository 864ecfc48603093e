// A short, soft two-note chime made with the Web Audio API: no audio file to download.

/** Two chimes closer than this are one: a burst of replies (say, after a reconnect) rings once. */
const QUIET_MS = 2000;
const NOTES = [
  { frequency: 660, at: 0 },
  { frequency: 880, at: 0.12 },
];
const PEAK_GAIN = 0.08;
const NOTE_SECONDS = 0.32;

type AudioContextClass = typeof AudioContext;

export interface Chime {
  play(): void;
}

function findAudioContextClass(): AudioContextClass | undefined {
  return window.AudioContext ?? (window as unknown as { webkitAudioContext?: AudioContextClass }).webkitAudioContext;
}

/** Browsers let a page make sound only after a user gesture (sticky activation); before it, stay silent. */
function hasUserGesture(): boolean {
  return navigator.userActivation ? navigator.userActivation.hasBeenActive : true;
}

function playNote(context: AudioContext, frequency: number, startAt: number): void {
  const oscillator = context.createOscillator();
  const gain = context.createGain();
  oscillator.type = 'sine';
  oscillator.frequency.value = frequency;
  gain.gain.setValueAtTime(0.0001, startAt);
  gain.gain.exponentialRampToValueAtTime(PEAK_GAIN, startAt + 0.02);
  gain.gain.exponentialRampToValueAtTime(0.0001, startAt + NOTE_SECONDS);
  oscillator.connect(gain).connect(context.destination);
  oscillator.start(startAt);
  oscillator.stop(startAt + NOTE_SECONDS + 0.02);
}

/** The AudioContext is made on the first chime after a user gesture, never before. */
export function createChime(now: () => number = Date.now): Chime {
  let context: AudioContext | null = null;
  let lastPlayedAt = Number.NEGATIVE_INFINITY;
  return {
    play() {
      if (now() - lastPlayedAt < QUIET_MS || !hasUserGesture()) return;
      const AudioContextClass = findAudioContextClass();
      if (!AudioContextClass) return;
      lastPlayedAt = now();
      try {
        context ??= new AudioContextClass();
        if (context.state === 'suspended') void context.resume().catch(() => undefined);
        const startAt = context.currentTime + 0.01;
        for (const note of NOTES) playNote(context, note.frequency, startAt + note.at);
      } catch {
        // No sound here (audio blocked or unavailable): the title notice and badge still tell.
      }
    },
  };
}
