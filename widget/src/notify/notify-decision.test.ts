import { describe, expect, it } from 'vitest';
import { type Attention, decideReplyNotice, type NotifySettings } from './notify-decision.ts';

const allOn: NotifySettings = { isTitleNoticeOn: true, isSoundOn: true, isMuted: false };
const looking: Attention = { isPanelOpen: true, isTabVisible: true, isTabFocused: true };

describe('whether a reply gets a title notice and a chime', () => {
  it('gets neither while the panel is open in the focused tab', () => {
    expect(decideReplyNotice(looking, allOn)).toEqual({ title: false, chime: false });
  });

  it.each([
    ['the panel is closed', { ...looking, isPanelOpen: false }],
    ['the tab is hidden', { ...looking, isTabVisible: false, isTabFocused: false }],
    ['another window has the focus', { ...looking, isTabFocused: false }],
  ])('gets both when %s', (_when, attention) => {
    expect(decideReplyNotice(attention, allOn)).toEqual({ title: true, chime: true });
  });

  it('follows the site and the visitor: titleNotice false, sound false, muted', () => {
    const closed = { ...looking, isPanelOpen: false };
    expect(decideReplyNotice(closed, { ...allOn, isTitleNoticeOn: false })).toEqual({ title: false, chime: true });
    expect(decideReplyNotice(closed, { ...allOn, isSoundOn: false })).toEqual({ title: true, chime: false });
    expect(decideReplyNotice(closed, { ...allOn, isMuted: true })).toEqual({ title: true, chime: false });
  });
});
