// The host tab's title while replies wait to be seen: "(1) New message — Shop" and "Shop" in turn.
// Pure: the notifier (reply-notifier.ts) feeds it the events and the title the tab has now, and
// writes what it answers.

/** What the widget did to the host tab's title. */
export interface TitleNotice {
  /** The host page's own title, shown between the notices and put back at the end. */
  original: string;
  /** The title the widget wrote last: the tab showing anything else means the host page changed it. */
  written: string;
  isShowingNotice: boolean;
  count: number;
}

/** message: an agent's message arrived unseen; tick: time to alternate; seen: the visitor looks at the chat. */
export type TitleEvent = 'message' | 'tick' | 'seen';

export interface TitleStep {
  notice: TitleNotice | null;
  /** The title to write now; null leaves the tab's title as it is. */
  title: string | null;
}

export type DescribeTitleNotice = (count: number, original: string) => string;

export function stepTitleNotice(
  notice: TitleNotice | null,
  event: TitleEvent,
  currentTitle: string,
  describe: DescribeTitleNotice,
): TitleStep {
  if (!notice) {
    if (event !== 'message') return { notice: null, title: null };
    return show({ original: currentTitle, count: 1 }, describe);
  }
  const isChangedByHost = currentTitle !== notice.written;
  const original = isChangedByHost ? currentTitle : notice.original;
  switch (event) {
    case 'message':
      return show({ original, count: notice.count + 1 }, describe);
    case 'tick':
      if (notice.isShowingNotice && !isChangedByHost) {
        return { notice: { ...notice, written: original, isShowingNotice: false }, title: original };
      }
      return show({ original, count: notice.count }, describe);
    case 'seen':
      // A title the host page set meanwhile is theirs: it stays.
      return { notice: null, title: isChangedByHost ? null : notice.original };
  }
}

function show({ original, count }: { original: string; count: number }, describe: DescribeTitleNotice): TitleStep {
  const title = describe(count, original);
  return { notice: { original, written: title, isShowingNotice: true, count }, title };
}
