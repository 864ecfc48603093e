import type { Language } from '../i18n/locales.ts';

// The form's strings live in its own chunk, in every language, so the chat and its catalogues do not grow.
const STRINGS = {
  en: {
    intro: 'Before we start, tell us a little about you.',
    start: 'Start chat',
    sending: 'Starting…',
    optional: 'optional',
    choose: 'Choose…',
    required: 'Please fill this in.',
    email: 'Enter an email address like name@example.com.',
    fix: 'Please check the fields marked below.',
    failed: 'We couldn’t send this. Please try again.',
  },
  ru: {
    intro: 'Прежде чем начать, расскажите немного о себе.',
    start: 'Начать чат',
    sending: 'Начинаем…',
    optional: 'необязательно',
    choose: 'Выберите…',
    required: 'Заполните это поле.',
    email: 'Введите адрес вида name@example.com.',
    fix: 'Проверьте отмеченные поля.',
    failed: 'Не удалось отправить. Попробуйте ещё раз.',
  },
  es: {
    intro: 'Antes de empezar, cuéntanos un poco sobre ti.',
    start: 'Iniciar chat',
    sending: 'Iniciando…',
    optional: 'opcional',
    choose: 'Elige…',
    required: 'Rellena este campo.',
    email: 'Escribe un correo como nombre@ejemplo.com.',
    fix: 'Revisa los campos marcados.',
    failed: 'No pudimos enviarlo. Inténtalo de nuevo.',
  },
  de: {
    intro: 'Bevor wir starten, erzählen Sie uns kurz etwas über sich.',
    start: 'Chat starten',
    sending: 'Wird gestartet…',
    optional: 'optional',
    choose: 'Bitte wählen…',
    required: 'Bitte füllen Sie dieses Feld aus.',
    email: 'Geben Sie eine E-Mail-Adresse wie name@example.com ein.',
    fix: 'Bitte prüfen Sie die markierten Felder.',
    failed: 'Das konnte nicht gesendet werden. Bitte versuchen Sie es erneut.',
  },
  fr: {
    intro: 'Avant de commencer, parlez-nous un peu de vous.',
    start: 'Démarrer le chat',
    sending: 'Démarrage…',
    optional: 'facultatif',
    choose: 'Choisissez…',
    required: 'Veuillez remplir ce champ.',
    email: 'Saisissez une adresse comme nom@exemple.com.',
    fix: 'Vérifiez les champs signalés.',
    failed: 'L’envoi a échoué. Veuillez réessayer.',
  },
  pt: {
    intro: 'Antes de começar, conte-nos um pouco sobre você.',
    start: 'Iniciar conversa',
    sending: 'Iniciando…',
    optional: 'opcional',
    choose: 'Escolha…',
    required: 'Preencha este campo.',
    email: 'Digite um e-mail como nome@exemplo.com.',
    fix: 'Verifique os campos marcados.',
    failed: 'Não foi possível enviar. Tente novamente.',
  },
  ar: {
    intro: 'قبل أن نبدأ، أخبرنا قليلًا عن نفسك.',
    start: 'ابدأ المحادثة',
    sending: 'جارٍ البدء…',
    optional: 'اختياري',
    choose: 'اختر…',
    required: 'يُرجى ملء هذا الحقل.',
    email: 'أدخل بريدًا إلكترونيًا مثل name@example.com.',
    fix: 'يُرجى مراجعة الحقول المحددة.',
    failed: 'تعذّر الإرسال. يُرجى المحاولة مرة أخرى.',
  },
} satisfies Record<Language, Record<string, string>>;

export type PreChatStrings = (typeof STRINGS)['en'];

/** The strings for a locale tag ('pt-BR' → Portuguese), English for a language the widget does not speak. */
export function preChatStrings(locale: string | undefined): PreChatStrings {
  return STRINGS[locale?.split(/[-_]/)[0]?.toLowerCase() as Language] ?? STRINGS.en;
}
