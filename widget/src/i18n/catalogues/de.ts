import type { CatalogueTools } from '../catalogue-tools.ts';
import type { ChatCatalogue } from './en.ts';

export function de({ plural, titleWithNotice }: CatalogueTools): ChatCatalogue {
  return {
    closeChat: 'Chat schließen',
    defaultTitle: 'Chatten Sie mit uns',
    defaultGreeting: 'Hallo! Fragen Sie uns gern – wir antworten direkt hier.',
    messagesLabel: 'Nachrichten',
    composerLabel: 'Nachricht',
    composerPlaceholder: 'Nachricht schreiben…',
    send: 'Nachricht senden',
    attachFile: 'Datei anhängen',
    sending: 'Wird gesendet…',
    notSent: 'Nicht gesendet',
    retry: 'Wiederholen',
    retryLabel: 'Diese Nachricht erneut senden',
    you: 'Sie',
    agent: 'Support',
    connecting: 'Verbindung wird hergestellt…',
    reconnecting: 'Verbindung wird wiederhergestellt…',
    unavailable: 'Der Chat ist gerade nicht verfügbar.',
    signInRequired: 'Bitte melden Sie sich an, um den Chat zu nutzen.',
    signInInvalid:
      'Wir konnten Ihre Anmeldung nicht bestätigen. Bitte melden Sie sich ab und wieder an, um zu chatten.',
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
    emailLabel: 'Ihre E-Mail-Adresse für unsere Antwort',
    emailPlaceholder: 'sie@beispiel.de',
    saveEmail: 'Speichern',
    savingEmail: 'Wird gespeichert…',
    emailSaved: (email) => `Danke – wir schreiben Ihnen an ${email}`,
    emailInvalid: 'Geben Sie eine E-Mail-Adresse wie name@beispiel.de ein.',
    emailRateLimited: 'Zu viele Versuche. Bitte warten Sie eine Minute und versuchen Sie es dann erneut.',
    emailFailed: 'Ihre E-Mail-Adresse konnte nicht gespeichert werden. Bitte versuchen Sie es erneut.',
  };
}
