import type { Language } from './locales.ts';
import { type PluralForms, plural } from './plural.ts';

// The launcher's strings: all that the page view (widget.js, before the chat loads) shows, in every language.

interface LauncherTexts {
  openChat: string;
  closeChat: string;
  unread: PluralForms;
}

const LAUNCHER_TEXTS: Record<Language, LauncherTexts> = {
  en: {
    openChat: 'Open chat',
    closeChat: 'Close chat',
    unread: { one: '# unread message', other: '# unread messages' },
  },
  ru: {
    openChat: 'Открыть чат',
    closeChat: 'Закрыть чат',
    unread: {
      one: '# непрочитанное сообщение',
      few: '# непрочитанных сообщения',
      many: '# непрочитанных сообщений',
      other: '# непрочитанного сообщения',
    },
  },
  es: {
    openChat: 'Abrir chat',
    closeChat: 'Cerrar chat',
    unread: { one: '# mensaje sin leer', other: '# mensajes sin leer' },
  },
  de: {
    openChat: 'Chat öffnen',
    closeChat: 'Chat schließen',
    unread: { one: '# ungelesene Nachricht', other: '# ungelesene Nachrichten' },
  },
  fr: {
    openChat: 'Ouvrir le chat',
    closeChat: 'Fermer le chat',
    unread: { one: '# message non lu', other: '# messages non lus' },
  },
  pt: {
    openChat: 'Abrir chat',
    closeChat: 'Fechar chat',
    unread: { one: '# mensagem não lida', other: '# mensagens não lidas' },
  },
  ar: {
    openChat: 'فتح المحادثة',
    closeChat: 'إغلاق المحادثة',
    unread: {
      zero: 'لا رسائل غير مقروءة',
      one: 'رسالة واحدة غير مقروءة',
      two: 'رسالتان غير مقروءتين',
      few: '# رسائل غير مقروءة',
      many: '# رسالة غير مقروءة',
      other: '# رسالة غير مقروءة',
    },
  },
};

export interface LauncherStrings {
  openChat: string;
  closeChat: string;
  unread: (count: number) => string;
}

export function launcherStringsFor(language: Language): LauncherStrings {
  const { openChat, closeChat, unread } = LAUNCHER_TEXTS[language];
  return { openChat, closeChat, unread: (count) => plural(language, count, unread) };
}
