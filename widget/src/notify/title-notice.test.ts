import { describe, expect, it } from 'vitest';
import { strings } from '../i18n/strings.ts';
import { stepTitleNotice, type TitleEvent, type TitleNotice } from './title-notice.ts';

/** Runs events against a tab title, as the notifier does; `hostSets` changes the title before an event. */
function run(startTitle: string, events: (TitleEvent | { hostSets: string })[]): string[] {
  let title = startTitle;
  let notice: TitleNotice | null = null;
  const shown: string[] = [];
  for (const event of events) {
    if (typeof event === 'object') {
      title = event.hostSets;
      continue;
    }
    const step = stepTitleNotice(notice, event, title, strings.titleNotice);
    notice = step.notice;
    if (step.title !== null) title = step.title;
    shown.push(title);
  }
  return shown;
}

describe('the title notice', () => {
  it('alternates the notice with the original title, then restores it exactly when seen', () => {
    expect(run('Acme Bikes', ['message', 'tick', 'tick', 'tick', 'seen'])).toEqual([
      '(1) New message — Acme Bikes',
      'Acme Bikes',
      '(1) New message — Acme Bikes',
      'Acme Bikes',
      'Acme Bikes',
    ]);
  });

  it('restores the original when seen while the notice is showing', () => {
    expect(run('Acme Bikes', ['message', 'seen'])).toEqual(['(1) New message — Acme Bikes', 'Acme Bikes']);
  });

  it('counts the messages that arrive before they are seen', () => {
    expect(run('Shop', ['message', 'tick', 'message', 'message'])).toEqual([
      '(1) New message — Shop',
      'Shop',
      '(2) New messages — Shop',
      '(3) New messages — Shop',
    ]);
  });

  it('starts again from one after the visitor saw the last', () => {
    expect(run('Shop', ['message', 'seen', 'message'])).toEqual([
      '(1) New message — Shop',
      'Shop',
      '(1) New message — Shop',
    ]);
  });

  it('adopts a title the host page sets meanwhile and alternates with that one', () => {
    expect(run('Cart', ['message', { hostSets: 'Checkout' }, 'tick', 'tick', 'seen'])).toEqual([
      '(1) New message — Cart',
      '(1) New message — Checkout',
      'Checkout',
      'Checkout',
    ]);
  });

  it("never clobbers the host page's title when the visitor looks", () => {
    expect(run('Cart', ['message', 'tick', { hostSets: 'Paid' }, 'seen'])).toEqual([
      '(1) New message — Cart',
      'Cart',
      'Paid',
    ]);
  });

  it('does nothing on ticks or seen without a message', () => {
    const step = stepTitleNotice(null, 'tick', 'Shop', strings.titleNotice);
    expect(step).toEqual({ notice: null, title: null });
    expect(stepTitleNotice(null, 'seen', 'Shop', strings.titleNotice)).toEqual({ notice: null, title: null });
  });

  it('says only the notice on a page without a title', () => {
    expect(run('', ['message', 'tick', 'seen'])).toEqual(['(1) New message', '', '']);
  });
});
