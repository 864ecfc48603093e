// The sign-in notice's strings, in every chat language: they travel in its chunk
// (widget-chat.sign-in-notice-<hash>.js), not in the chat's catalogues.

// The inbox talks only to signed-in users, or the site's proof of who is signed in was refused.
const en = {
  signInRequired: 'Chat is available after you sign in.',
  signInInvalid: 'We couldn’t confirm that you’re signed in. Please sign out and sign in again to chat.',
};

type SignInStrings = typeof en;

const ru: SignInStrings = {
  signInRequired: 'Чат доступен после входа в аккаунт.',
  signInInvalid: 'Не удалось подтвердить, что вы вошли в аккаунт. Выйдите и войдите снова, чтобы написать нам.',
};

const es: SignInStrings = {
  signInRequired: 'Inicia sesión para usar el chat.',
  signInInvalid: 'No pudimos confirmar que has iniciado sesión. Cierra sesión y vuelve a entrar para chatear.',
};

const de: SignInStrings = {
  signInRequired: 'Bitte melden Sie sich an, um den Chat zu nutzen.',
  signInInvalid: 'Wir konnten Ihre Anmeldung nicht bestätigen. Bitte melden Sie sich ab und wieder an, um zu chatten.',
};

const fr: SignInStrings = {
  signInRequired: 'Connectez-vous pour accéder au chat.',
  signInInvalid:
    'Nous n’avons pas pu confirmer votre connexion. Déconnectez-vous, puis reconnectez-vous pour discuter.',
};

const pt: SignInStrings = {
  signInRequired: 'Entre na sua conta para usar o chat.',
  signInInvalid: 'Não conseguimos confirmar que você entrou na sua conta. Saia e entre de novo para conversar.',
};

const ar: SignInStrings = {
  signInRequired: 'سجّل الدخول لاستخدام المحادثة.',
  signInInvalid: 'تعذّر التأكد من تسجيل دخولك. سجّل الخروج ثم سجّل الدخول مجددًا لبدء المحادثة.',
};

const CATALOGUES: Record<string, SignInStrings> = { en, ru, es, de, fr, pt, ar };

export function signInStringsFor(locale: string | undefined): SignInStrings {
  return CATALOGUES[(locale ?? 'en').slice(0, 2).toLowerCase()] ?? en;
}
