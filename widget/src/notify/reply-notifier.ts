import { strings } from '../i18n/strings.ts';
import type { Chime } from './chime.ts';
import { type Attention, decideReplyNotice, isChatSeen } from './notify-decision.ts';
import type { SoundPreference } from './sound-preference.ts';
import { stepTitleNotice, type TitleEvent, type TitleNotice } from './title-notice.ts';

const ALTERNATE_MS = 1500;

export interface ReplyNotifierOptions {
  isTitleNoticeOn: boolean;
  /** null when the site turned sound off (init({ sound: false })). */
  sound: { chime: Chime; preference: SoundPreference } | null;
  isPanelOpen(): boolean;
}

export interface ReplyNotifier {
  /** An agent's message arrived. */
  noteAgentMessage(): void;
  /** The panel opened or closed, or the tab's visibility or focus changed: a notice the visitor now sees ends. */
  checkSeen(): void;
}

/**
 * Tells the visitor of replies they have not seen: the host tab's title alternates with a notice and
 * a chime plays (see notify-decision.ts for when). The title is put back once they look at the chat.
 */
export function createReplyNotifier(options: ReplyNotifierOptions): ReplyNotifier {
  let notice: TitleNotice | null = null;
  let timer: ReturnType<typeof setInterval> | undefined;

  function readAttention(): Attention {
    return {
      isPanelOpen: options.isPanelOpen(),
      isTabVisible: document.visibilityState === 'visible',
      isTabFocused: document.hasFocus(),
    };
  }

  function stepTitle(event: TitleEvent): void {
    const step = stepTitleNotice(notice, event, document.title, strings.titleNotice);
    if (step.title !== null) document.title = step.title;
    // What the tab reads back (document.title collapses white space) is what a later step compares with.
    notice = step.notice && step.title !== null ? { ...step.notice, written: document.title } : step.notice;
    if (notice && timer === undefined) timer = setInterval(() => stepTitle('tick'), ALTERNATE_MS);
    if (!notice && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
  }

  function checkSeen(): void {
    if (notice && isChatSeen(readAttention())) stepTitle('seen');
  }

  document.addEventListener('visibilitychange', checkSeen);
  window.addEventListener('focus', checkSeen);

  return {
    noteAgentMessage() {
      const { sound } = options;
      const decision = decideReplyNotice(readAttention(), {
        isTitleNoticeOn: options.isTitleNoticeOn,
        isSoundOn: sound !== null,
        isMuted: sound?.preference.isMuted() ?? true,
      });
      if (decision.title) stepTitle('message');
      if (decision.chime) sound?.chime.play();
    },
    checkSeen,
  };
}
