import type { CatalogueTools } from '../catalogue-tools.ts';
import type { ChatCatalogue } from './en.ts';

// Brazilian Portuguese, the most widely read; 'pt-PT' visitors get it too (and their own dates).

/** "à 1:00", "às 09:00". */
const at = (time: string) => (/^0?1\D/.test(time) ? `à ${time}` : `às ${time}`);
/** "no sábado", "na quinta-feira": Saturday and Sunday are masculine, the other days feminine. */
const onDay = (day: string) => `${/^(sábado|domingo)/i.test(day) ? 'no' : 'na'} ${day}`;

export function pt({ plural, titleWithNotice }: CatalogueTools): ChatCatalogue {
  return {
    closeChat: 'Fechar chat',
    defaultTitle: 'Fale com a gente',
    online: 'Estamos online',
    replyInMinutes: 'Costuma responder em poucos minutos',
    replyInHours: 'Costuma responder em poucas horas',
    replyInDay: 'Costuma responder em um dia',
    defaultGreeting: 'Olá! Pergunte o que quiser — respondemos por aqui mesmo.',
    messagesLabel: 'Mensagens',
    composerLabel: 'Mensagem',
    composerPlaceholder: 'Escreva uma mensagem…',
    send: 'Enviar mensagem',
    attachFile: 'Anexar um arquivo',
    emoji: 'Emoji',
    sending: 'Enviando…',
    you: 'Você',
    agent: 'Atendente',
    connecting: 'Conectando…',
    reconnecting: 'Reconectando…',
    unavailable: 'O chat não está disponível no momento.',
    resolved: 'Conversa resolvida',
    previousConversations: 'Conversas anteriores',
    reopened: 'Conversa reaberta',
    joined: (name) => `${name} entrou na conversa`,
    typing: (name) => `${name} está digitando…`,
    seen: 'Visto',
    newMessage: (name, body) => `Nova mensagem de ${name}: ${body}`,
    titleNotice: (count, title) =>
      titleWithNotice(count, plural(count, { one: 'Nova mensagem', other: 'Novas mensagens' }), title),
    muteSound: 'Silenciar o som das novas mensagens',

    queuePosition: (position) => `Sua posição na fila: ${position}`,
    queueWithWait: (place, wait) => `${place} · ${wait}`,
    waitUnderMinute: 'menos de um minuto',
    waitMinutes: (minutes) => plural(minutes, { one: 'cerca de # minuto', other: 'cerca de # minutos' }),
    waitHours: (hours) => plural(hours, { one: 'cerca de # hora', other: 'cerca de # horas' }),

    away: 'No momento, estamos ausentes.',
    backWhen: (when) => `Voltamos ${when}.`,
    backAt: (time) => at(time),
    backTomorrowAt: (time) => `amanhã ${at(time)}`,
    backOnWeekdayAt: (weekday, time) => `${onDay(weekday)} ${at(time)}`,
    backOnDateAt: (date, time) => `${onDay(date)} ${at(time)}`,
    leaveEmail: 'Deixe seu e-mail e responderemos por lá.',
  };
}
