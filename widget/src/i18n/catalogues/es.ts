import type { CatalogueTools } from '../catalogue-tools.ts';
import type { ChatCatalogue } from './en.ts';

/** "a la 1:00", "a las 09:00". */
const at = (time: string) => (/^0?1\D/.test(time) ? `a la ${time}` : `a las ${time}`);

export function es({ plural, titleWithNotice }: CatalogueTools): ChatCatalogue {
  return {
    closeChat: 'Cerrar chat',
    defaultTitle: 'Chatea con nosotros',
    online: 'Estamos en línea',
    replyInMinutes: 'Solemos responder en unos minutos',
    replyInHours: 'Solemos responder en unas horas',
    replyInDay: 'Solemos responder en un día',
    defaultGreeting: '¡Hola! Pregúntanos lo que quieras: te responderemos aquí mismo.',
    messagesLabel: 'Mensajes',
    composerLabel: 'Mensaje',
    composerPlaceholder: 'Escribe un mensaje…',
    send: 'Enviar mensaje',
    attachFile: 'Adjuntar un archivo',
    emoji: 'Emoji',
    sending: 'Enviando…',
    you: 'Tú',
    agent: 'Agente',
    connecting: 'Conectando…',
    reconnecting: 'Reconectando…',
    unavailable: 'El chat no está disponible en este momento.',
    resolved: 'Conversación resuelta',
    previousConversations: 'Conversaciones anteriores',
    reopened: 'Conversación reabierta',
    joined: (name) => `${name} se ha unido`,
    typing: (name) => `${name} está escribiendo…`,
    seen: 'Visto',
    newMessage: (name, body) => `Nuevo mensaje de ${name}: ${body}`,
    titleNotice: (count, title) =>
      titleWithNotice(count, plural(count, { one: 'Nuevo mensaje', other: 'Nuevos mensajes' }), title),
    muteSound: 'Silenciar el sonido de los mensajes nuevos',

    queuePosition: (position) => `Tu puesto en la cola: ${position}`,
    queueWithWait: (place, wait) => `${place} · ${wait}`,
    waitUnderMinute: 'menos de un minuto',
    waitMinutes: (minutes) => plural(minutes, { one: 'unos # minuto', other: 'unos # minutos' }),
    waitHours: (hours) => plural(hours, { one: 'alrededor de # hora', other: 'unas # horas' }),

    away: 'Ahora mismo no estamos disponibles.',
    backWhen: (when) => `Volveremos ${when}.`,
    backAt: (time) => at(time),
    backTomorrowAt: (time) => `mañana ${at(time)}`,
    backOnWeekdayAt: (weekday, time) => `el ${weekday} ${at(time)}`,
    backOnDateAt: (date, time) => `el ${date} ${at(time)}`,
    leaveEmail: 'Déjanos tu correo y te responderemos allí.',
  };
}
