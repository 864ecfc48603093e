import { useEffect, useState } from 'react';

/** idle · copied (for 2 s) · manual: the clipboard refused, so the text was selected for Ctrl+C. */
export type CopyState = 'idle' | 'copied' | 'manual';

/** Copies text to the clipboard; when the browser refuses, runs `selectInstead` so the person can copy it. */
export function useCopy(): { copyState: CopyState; copy(text: string, selectInstead: () => void): Promise<void> } {
  const [copyState, setCopyState] = useState<CopyState>('idle');

  useEffect(() => {
    if (copyState !== 'copied') return;
    const timer = setTimeout(() => setCopyState('idle'), 2000);
    return () => clearTimeout(timer);
  }, [copyState]);

  async function copy(text: string, selectInstead: () => void) {
    try {
      await navigator.clipboard.writeText(text);
      setCopyState('copied');
    } catch {
      selectInstead();
      setCopyState('manual');
    }
  }

  return { copyState, copy };
}
