import type { CatalogueTools } from '../catalogue-tools.ts';
import type { ChatCatalogue } from './en.ts';

/** "в четверг", "во вторник", "в среду, 11 марта": Intl names the day in the nominative, "в" wants the accusative. */
function onDay(day: string): string {
  const accusative = day.replace(/^([^\s,]*)а(?=[\s,]|$)/, '$1у');
  return `${day.startsWith('вт') ? 'во' : 'в'} ${accusative}`;
}

export function ru({ plural, titleWithNotice }: CatalogueTools): ChatCatalogue {
  return {
    closeChat: 'Закрыть чат',
    defaultTitle: 'Напишите нам',
    online: 'Мы на связи',
    replyInMinutes: 'Обычно отвечаем за несколько минут',
    replyInHours: 'Обычно отвечаем за несколько часов',
    replyInDay: 'Обычно отвечаем в течение дня',
    defaultGreeting: 'Здравствуйте! Задайте любой вопрос — мы ответим прямо здесь.',
    messagesLabel: 'Сообщения',
    composerLabel: 'Сообщение',
    composerPlaceholder: 'Напишите сообщение…',
    send: 'Отправить сообщение',
    attachFile: 'Прикрепить файл',
    emoji: 'Эмодзи',
    sending: 'Отправляется…',
    you: 'Вы',
    agent: 'Оператор',
    connecting: 'Подключение…',
    reconnecting: 'Переподключение…',
    unavailable: 'Чат сейчас недоступен.',
    resolved: 'Диалог завершён',
    previousConversations: 'Прошлые диалоги',
    reopened: 'Диалог возобновлён',
    joined: (name) => `${name} теперь в чате`,
    typing: (name) => `${name} печатает…`,
    seen: 'Просмотрено',
    newMessage: (name, body) => `Новое сообщение — ${name}: ${body}`,
    titleNotice: (count, title) =>
      titleWithNotice(count, plural(count, { one: 'Новое сообщение', other: 'Новые сообщения' }), title),
    muteSound: 'Выключить звук новых сообщений',

    queuePosition: (position) =>
      position <= 1
        ? 'Ваша очередь — следующая'
        : plural(position - 1, {
            one: 'Перед вами # человек',
            few: 'Перед вами # человека',
            many: 'Перед вами # человек',
            other: 'Перед вами # человека',
          }),
    queueWithWait: (place, wait) => `${place} · ${wait}`,
    waitUnderMinute: 'меньше минуты',
    waitMinutes: (minutes) =>
      plural(minutes, {
        one: 'примерно # минута',
        few: 'примерно # минуты',
        many: 'примерно # минут',
        other: 'примерно # минуты',
      }),
    waitHours: (hours) =>
      plural(hours, {
        one: 'примерно # час',
        few: 'примерно # часа',
        many: 'примерно # часов',
        other: 'примерно # часа',
      }),

    away: 'Сейчас нас нет на месте.',
    backWhen: (when) => `Вернёмся ${when}.`,
    backAt: (time) => `в ${time}`,
    backTomorrowAt: (time) => `завтра в ${time}`,
    backOnWeekdayAt: (weekday, time) => `${onDay(weekday)} в ${time}`,
    backOnDateAt: (date, time) => `${onDay(date)}, в ${time}`,
    leaveEmail: 'Оставьте почту — мы ответим туда.',
  };
}
