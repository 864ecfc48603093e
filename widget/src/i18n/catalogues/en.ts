import type { CatalogueTools } from '../catalogue-tools.ts';

/** Every string the chat shows, in English: the shape every other catalogue must have. */
export function en({ plural, titleWithNotice }: CatalogueTools) {
  return {
    // The panel's close button (the launcher has its own strings, in widget.js).
    closeChat: 'Close chat',
    defaultTitle: 'Chat with us',
    // Under the header's title while agents are online; the reply time is the inbox's (or its usual one).
    online: 'We’re online',
    replyInMinutes: 'Typically replies in a few minutes',
    replyInHours: 'Typically replies in a few hours',
    replyInDay: 'Typically replies in a day',
    defaultGreeting: 'Hi there! Ask us anything — we’ll reply right here.',
    messagesLabel: 'Messages',
    composerLabel: 'Message',
    composerPlaceholder: 'Write a message…',
    send: 'Send message',
    attachFile: 'Attach a file',
    emoji: 'Emoji',
    sending: 'Sending…',
    // A refused send's reason, Retry and Discard are in their own chunk: ui/send-failure-strings.ts.
    you: 'You',
    agent: 'Agent',
    connecting: 'Connecting…',
    reconnecting: 'Reconnecting…',
    unavailable: 'Chat is unavailable right now.',
    resolved: 'Conversation resolved',
    previousConversations: 'Previous conversations',
    reopened: 'Conversation reopened',
    joined: (name: string) => `${name} joined`,
    typing: (name: string) => `${name} is typing…`,
    seen: 'Seen',
    newMessage: (name: string, body: string) => `New message from ${name}: ${body}`,
    // The host tab's title while replies wait unseen: "(1) New message — Acme Bikes".
    titleNotice: (count: number, title: string) =>
      titleWithNotice(count, plural(count, { one: 'New message', other: 'New messages' }), title),
    muteSound: 'Mute the sound for new messages',

    // Waiting for an agent: "You're number 3 in line · about 2 min".
    queuePosition: (position: number) => `You’re number ${position} in line`,
    queueWithWait: (place: string, wait: string) => `${place} · ${wait}`,
    waitUnderMinute: 'less than a minute',
    waitMinutes: (minutes: number) => `about ${minutes} min`,
    waitHours: (hours: number) => plural(hours, { one: 'about # hour', other: 'about # hours' }),

    // Nobody can answer now: "We’re away right now. We’ll be back tomorrow at 09:00."
    away: 'We’re away right now.',
    backWhen: (when: string) => `We’ll be back ${when}.`,
    backAt: (time: string) => `at ${time}`,
    backTomorrowAt: (time: string) => `tomorrow at ${time}`,
    /** weekday: "Monday" in the visitor's language. */
    backOnWeekdayAt: (weekday: string, time: string) => `${weekday} at ${time}`,
    /** date: "Monday 12 March" in the visitor's language. */
    backOnDateAt: (date: string, time: string) => `on ${date} at ${time}`,
    leaveEmail: 'Leave your email and we’ll reply there.',
  };
}

/** A catalogue for another language has exactly these keys: a missing or extra one is a type error. */
export type ChatCatalogue = ReturnType<typeof en>;
