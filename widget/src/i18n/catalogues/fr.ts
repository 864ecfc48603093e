import type { CatalogueTools } from '../catalogue-tools.ts';
import type { ChatCatalogue } from './en.ts';

// French puts a narrow no-break space (U+202F) before ! ? : and after n°.

export function fr({ plural, titleWithNotice }: CatalogueTools): ChatCatalogue {
  return {
    closeChat: 'Fermer le chat',
    defaultTitle: 'Discutez avec nous',
    online: 'Nous sommes en ligne',
    replyInMinutes: 'Répond généralement en quelques minutes',
    replyInHours: 'Répond généralement en quelques heures',
    replyInDay: 'Répond généralement en un jour',
    defaultGreeting: 'Bonjour\u202f! Posez-nous vos questions, nous vous répondrons ici même.',
    messagesLabel: 'Messages',
    composerLabel: 'Message',
    composerPlaceholder: 'Écrivez un message…',
    send: 'Envoyer le message',
    attachFile: 'Joindre un fichier',
    emoji: 'Émojis',
    sending: 'Envoi en cours…',
    you: 'Vous',
    agent: 'Conseiller',
    connecting: 'Connexion…',
    reconnecting: 'Reconnexion…',
    unavailable: 'Le chat est indisponible pour le moment.',
    resolved: 'Conversation résolue',
    previousConversations: 'Conversations précédentes',
    reopened: 'Conversation rouverte',
    joined: (name) => `${name} a rejoint la conversation`,
    typing: (name) => `${name} écrit…`,
    seen: 'Vu',
    newMessage: (name, body) => `Nouveau message de ${name}\u202f: ${body}`,
    titleNotice: (count, title) =>
      titleWithNotice(count, plural(count, { one: 'Nouveau message', other: 'Nouveaux messages' }), title),
    muteSound: 'Couper le son des nouveaux messages',

    queuePosition: (position) => `Vous êtes n°\u202f${position} dans la file d’attente`,
    queueWithWait: (place, wait) => `${place} · ${wait}`,
    waitUnderMinute: 'moins d’une minute',
    waitMinutes: (minutes) => plural(minutes, { one: 'environ # minute', other: 'environ # minutes' }),
    waitHours: (hours) => plural(hours, { one: 'environ # heure', other: 'environ # heures' }),

    away: 'Nous sommes absents pour le moment.',
    backWhen: (when) => `Nous serons de retour ${when}.`,
    backAt: (time) => `à ${time}`,
    backTomorrowAt: (time) => `demain à ${time}`,
    backOnWeekdayAt: (weekday, time) => `${weekday} à ${time}`,
    backOnDateAt: (date, time) => `le ${date} à ${time}`,
    leaveEmail: 'Laissez-nous votre e-mail, nous vous répondrons par ce biais.',
  };
}
