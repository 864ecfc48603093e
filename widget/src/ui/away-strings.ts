// The strings of the away notice's email form, in every chat language. They travel in its chunk
// (widget-chat.away-notice-<hash>.js), not in the chat's catalogues, so the chat a visitor downloads stays small.

const en = {
  emailLabel: 'Your email, for our reply',
  emailPlaceholder: 'you@example.com',
  saveEmail: 'Save',
  savingEmail: 'Saving…',
  emailSaved: (email: string) => `Thanks — we’ll email you at ${email}`,
  emailInvalid: 'Enter an email address like name@example.com.',
  emailRateLimited: 'Too many tries. Please wait a minute and try again.',
  emailFailed: 'We couldn’t save your email. Please try again.',
};

export type AwayStrings = typeof en;

const ru: AwayStrings = {
  emailLabel: 'Ваша почта для ответа',
  emailPlaceholder: 'you@example.com',
  saveEmail: 'Сохранить',
  savingEmail: 'Сохраняем…',
  emailSaved: (email) => `Спасибо! Ответим на ${email}`,
  emailInvalid: 'Введите адрес почты, например name@example.com.',
  emailRateLimited: 'Слишком много попыток. Подождите минуту и попробуйте снова.',
  emailFailed: 'Не удалось сохранить почту. Попробуйте ещё раз.',
};

const es: AwayStrings = {
  emailLabel: 'Tu correo, para responderte',
  emailPlaceholder: 'tu@ejemplo.com',
  saveEmail: 'Guardar',
  savingEmail: 'Guardando…',
  emailSaved: (email) => `Gracias, te escribiremos a ${email}`,
  emailInvalid: 'Escribe un correo como nombre@ejemplo.com.',
  emailRateLimited: 'Demasiados intentos. Espera un minuto y vuelve a intentarlo.',
  emailFailed: 'No pudimos guardar tu correo. Inténtalo de nuevo.',
};

const de: AwayStrings = {
  emailLabel: 'Ihre E-Mail-Adresse für unsere Antwort',
  emailPlaceholder: 'sie@beispiel.de',
  saveEmail: 'Speichern',
  savingEmail: 'Wird gespeichert…',
  emailSaved: (email) => `Danke – wir schreiben Ihnen an ${email}`,
  emailInvalid: 'Geben Sie eine E-Mail-Adresse wie name@beispiel.de ein.',
  emailRateLimited: 'Zu viele Versuche. Bitte warten Sie eine Minute und versuchen Sie es dann erneut.',
  emailFailed: 'Ihre E-Mail-Adresse konnte nicht gespeichert werden. Bitte versuchen Sie es erneut.',
};

const fr: AwayStrings = {
  emailLabel: 'Votre e-mail, pour notre réponse',
  emailPlaceholder: 'vous@exemple.fr',
  saveEmail: 'Enregistrer',
  savingEmail: 'Enregistrement…',
  emailSaved: (email) => `Merci, nous vous écrirons à ${email}`,
  emailInvalid: 'Saisissez une adresse e-mail comme nom@exemple.fr.',
  emailRateLimited: 'Trop de tentatives. Patientez une minute, puis réessayez.',
  emailFailed: 'Impossible d’enregistrer votre e-mail. Veuillez réessayer.',
};

const pt: AwayStrings = {
  emailLabel: 'Seu e-mail, para a nossa resposta',
  emailPlaceholder: 'voce@exemplo.com',
  saveEmail: 'Salvar',
  savingEmail: 'Salvando…',
  emailSaved: (email) => `Obrigado! Vamos responder para ${email}`,
  emailInvalid: 'Digite um e-mail como nome@exemplo.com.',
  emailRateLimited: 'Muitas tentativas. Aguarde um minuto e tente de novo.',
  emailFailed: 'Não conseguimos salvar seu e-mail. Tente de novo.',
};

const ar: AwayStrings = {
  emailLabel: 'بريدك الإلكتروني لتلقّي ردّنا',
  emailPlaceholder: 'you@example.com',
  saveEmail: 'حفظ',
  savingEmail: 'جارٍ الحفظ…',
  emailSaved: (email) => `شكرًا، سنراسلك على ${email}`,
  emailInvalid: 'أدخل بريدًا إلكترونيًا مثل name@example.com.',
  emailRateLimited: 'محاولات كثيرة جدًا. يُرجى الانتظار دقيقة ثم المحاولة مجددًا.',
  emailFailed: 'تعذّر حفظ بريدك الإلكتروني. يُرجى المحاولة مجددًا.',
};

const CATALOGUES: Record<string, AwayStrings> = { en, ru, es, de, fr, pt, ar };

export function awayStringsFor(locale: string | undefined): AwayStrings {
  return CATALOGUES[(locale ?? 'en').slice(0, 2).toLowerCase()] ?? en;
}
