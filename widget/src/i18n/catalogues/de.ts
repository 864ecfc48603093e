import type { CatalogueTools } from '../catalogue-tools.ts';
import type { ChatCatalogue } from './en.ts';

export function de({ plural, titleWithNotice }: CatalogueTools): ChatCatalogue {
  return {
    closeChat: 'Chat schließen',
    defaultTitle: 'Chatten Sie mit uns',
    online: 'Wir sind online',
    replyInMinutes: 'Antwortet meist in wenigen Minuten',
    replyInHours: 'Antwortet meist in wenigen Stunden',
    replyInDay: 'Antwortet meist innerhalb eines Tages',
    defaultGreeting: 'Hallo! Fragen Sie uns gern – wir antworten direkt hier.',
    messagesLabel: 'Nachrichten',
    composerLabel: 'Nachricht',
    composerPlaceholder: 'Nachricht schreiben…',
    send: 'Nachricht senden',
    attachFile: 'Datei anhängen',
    emoji: 'Emoji',
    sending: 'Wird gesendet…',
    you: 'Sie',
    agent: 'Support',
    connecting: 'Verbindung wird hergestellt…',
    reconnecting: 'Verbindung wird wiederhergestellt…',
    unavailable: 'Der Chat ist gerade nicht verfügbar.',
    resolved: 'Unterhaltung abgeschlossen',
    previousConversations: 'Frühere Unterhaltungen',
    reopened: 'Unterhaltung wieder geöffnet',
    joined: (name) => `${name} ist jetzt im Chat`,
    typing: (name) => `${name} schreibt…`,
    seen: 'Gelesen',
    newMessage: (name, body) => `Neue Nachricht von ${name}: ${body}`,
    titleNotice: (count, title) =>
      titleWithNotice(count, plural(count, { one: 'Neue Nachricht', other: 'Neue Nachrichten' }), title),
    muteSound: 'Ton für neue Nachrichten ausschalten',

    queuePosition: (position) => `Sie sind Nr. ${position} in der Warteschlange`,
    queueWithWait: (place, wait) => `${place} · ${wait}`,
    waitUnderMinute: 'weniger als eine Minute',
    waitMinutes: (minutes) => plural(minutes, { one: 'etwa # Minute', other: 'etwa # Minuten' }),
    waitHours: (hours) => plural(hours, { one: 'etwa # Stunde', other: 'etwa # Stunden' }),

    away: 'Wir sind gerade nicht erreichbar.',
    backWhen: (when) => `Wir sind ${when} wieder da.`,
    backAt: (time) => `um ${time}`,
    backTomorrowAt: (time) => `morgen um ${time}`,
    backOnWeekdayAt: (weekday, time) => `am ${weekday} um ${time}`,
    backOnDateAt: (date, time) => `am ${date} um ${time}`,
    leaveEmail: 'Hinterlassen Sie Ihre E-Mail-Adresse – wir antworten Ihnen dort.',
  };
}
