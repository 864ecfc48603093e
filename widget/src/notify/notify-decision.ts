/** Where the visitor's attention is when an agent's message arrives. */
export interface Attention {
  isPanelOpen: boolean;
  /** The host tab is visible (document.visibilityState) and has the focus (document.hasFocus()). */
  isTabVisible: boolean;
  isTabFocused: boolean;
}

export interface NotifySettings {
  /** init({ titleNotice }): not false. */
  isTitleNoticeOn: boolean;
  /** init({ sound }): not false. */
  isSoundOn: boolean;
  /** The visitor's mute toggle. */
  isMuted: boolean;
}

export interface ReplyNotice {
  title: boolean;
  chime: boolean;
}

/** The visitor is looking at the chat: a reply needs no other sign. */
export function isChatSeen({ isPanelOpen, isTabVisible, isTabFocused }: Attention): boolean {
  return isPanelOpen && isTabVisible && isTabFocused;
}

/** Which signs a new agent message gets: none while the chat is seen, else those the site and visitor allow. */
export function decideReplyNotice(attention: Attention, settings: NotifySettings): ReplyNotice {
  if (isChatSeen(attention)) return { title: false, chime: false };
  return { title: settings.isTitleNoticeOn, chime: settings.isSoundOn && !settings.isMuted };
}
