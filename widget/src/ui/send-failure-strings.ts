// What a failed message says under its bubble, in every chat language. These strings travel in the
// send-failure chunk (widget-chat.send-failure-<hash>.js), not in the chat's catalogues: most visitors
// never see a refused send. Each button's accessible name holds its visible word (WCAG 2.5.3).

const en = {
  notSent: 'Not sent',
  rateLimited: 'You’re sending messages too fast. Wait a moment, then retry.',
  /** max: the api's limit, formatted in the visitor's language ("5,000"). */
  tooLong: (max: string) => `This message is too long (max ${max} characters).`,
  retry: 'Retry',
  retryLabel: 'Retry sending this message',
  discard: 'Discard',
  discardLabel: 'Discard this message',
};

export type SendFailureStrings = typeof en;

const ru: SendFailureStrings = {
  notSent: 'Не отправлено',
  rateLimited: 'Вы отправляете сообщения слишком быстро. Подождите немного и повторите.',
  // "максимум символов: N" agrees with any N.
  tooLong: (max) => `Сообщение слишком длинное (максимум символов: ${max}).`,
  retry: 'Повторить',
  retryLabel: 'Повторить отправку этого сообщения',
  discard: 'Удалить',
  discardLabel: 'Удалить это сообщение',
};

const es: SendFailureStrings = {
  notSent: 'No enviado',
  rateLimited: 'Estás enviando mensajes demasiado rápido. Espera un momento y vuelve a intentarlo.',
  tooLong: (max) => `Este mensaje es demasiado largo (máximo ${max} caracteres).`,
  retry: 'Reintentar',
  retryLabel: 'Reintentar el envío de este mensaje',
  discard: 'Descartar',
  discardLabel: 'Descartar este mensaje',
};

const de: SendFailureStrings = {
  notSent: 'Nicht gesendet',
  rateLimited: 'Sie senden Nachrichten zu schnell. Warten Sie einen Moment und versuchen Sie es dann erneut.',
  tooLong: (max) => `Diese Nachricht ist zu lang (höchstens ${max} Zeichen).`,
  retry: 'Wiederholen',
  retryLabel: 'Senden dieser Nachricht wiederholen',
  discard: 'Verwerfen',
  discardLabel: 'Diese Nachricht verwerfen',
};

const fr: SendFailureStrings = {
  notSent: 'Non envoyé',
  rateLimited: 'Vous envoyez des messages trop vite. Patientez un instant, puis réessayez.',
  tooLong: (max) => `Ce message est trop long (${max} caractères au maximum).`,
  retry: 'Réessayer',
  retryLabel: 'Réessayer d’envoyer ce message',
  discard: 'Supprimer',
  discardLabel: 'Supprimer ce message',
};

const pt: SendFailureStrings = {
  notSent: 'Não enviada',
  rateLimited: 'Você está enviando mensagens rápido demais. Aguarde um momento e tente de novo.',
  tooLong: (max) => `Esta mensagem é longa demais (máximo de ${max} caracteres).`,
  retry: 'Tentar de novo',
  retryLabel: 'Tentar de novo o envio desta mensagem',
  discard: 'Descartar',
  discardLabel: 'Descartar esta mensagem',
};

const ar: SendFailureStrings = {
  notSent: 'لم تُرسَل',
  rateLimited: 'أنت ترسل الرسائل بسرعة كبيرة. انتظر قليلًا ثم أعد المحاولة.',
  // "الحد الأقصى لعدد الأحرف: N" agrees with any N.
  tooLong: (max) => `هذه الرسالة طويلة جدًا (الحد الأقصى لعدد الأحرف: ${max}).`,
  retry: 'إعادة المحاولة',
  retryLabel: 'إعادة المحاولة لإرسال هذه الرسالة',
  discard: 'حذف',
  discardLabel: 'حذف هذه الرسالة',
};

const CATALOGUES: Record<string, SendFailureStrings> = { en, ru, es, de, fr, pt, ar };

export function sendFailureStringsFor(locale: string | undefined): SendFailureStrings {
  return CATALOGUES[(locale ?? 'en').slice(0, 2).toLowerCase()] ?? en;
}

/** The line under a refused message: why, in words the visitor can act on; "Not sent" for anything else. */
export function describeSendFailure(text: SendFailureStrings, code: string | undefined, maxLength: string): string {
  if (code === 'rate/limited') return text.rateLimited;
  if (code === 'message/too_long') return text.tooLong(maxLength);
  return text.notSent;
}
