// The strings of the on-demand attachment views, in every chat language. They travel in that chunk,
// not in the chat's catalogues, so the chat a visitor downloads stays small.

const en = {
  uploading: (name: string) => `Uploading ${name}`,
  cancel: (name: string) => `Cancel uploading ${name}`,
  dismiss: 'Dismiss',
  tooLarge: (name: string) => `${name} is too big: files can be up to 10 MB.`,
  typeNotAllowed: (name: string) =>
    `${name} can’t be sent: send an image, a PDF, a text file, an Office document or a zip.`,
  rateLimited: 'Too many files at once. Please wait a minute and try again.',
  failed: (name: string) => `${name} could not be sent. Please try again.`,
  download: (name: string) => `Download ${name}`,
  unavailable: 'File unavailable',
};

export type AttachmentStrings = typeof en;

const ru: AttachmentStrings = {
  uploading: (name) => `Загружается ${name}`,
  cancel: (name) => `Отменить загрузку ${name}`,
  dismiss: 'Закрыть',
  tooLarge: (name) => `${name} слишком большой: файлы — до 10 МБ.`,
  typeNotAllowed: (name) => `${name} нельзя отправить: отправьте изображение, PDF, текст, документ Office или zip.`,
  rateLimited: 'Слишком много файлов сразу. Подождите минуту и попробуйте снова.',
  failed: (name) => `Не удалось отправить ${name}. Попробуйте ещё раз.`,
  download: (name) => `Скачать ${name}`,
  unavailable: 'Файл недоступен',
};

const es: AttachmentStrings = {
  uploading: (name) => `Subiendo ${name}`,
  cancel: (name) => `Cancelar la subida de ${name}`,
  dismiss: 'Cerrar',
  tooLarge: (name) => `${name} es demasiado grande: los archivos pueden tener hasta 10 MB.`,
  typeNotAllowed: (name) =>
    `${name} no se puede enviar: envía una imagen, un PDF, un texto, un documento de Office o un zip.`,
  rateLimited: 'Demasiados archivos a la vez. Espera un minuto y vuelve a intentarlo.',
  failed: (name) => `No se pudo enviar ${name}. Inténtalo de nuevo.`,
  download: (name) => `Descargar ${name}`,
  unavailable: 'Archivo no disponible',
};

const de: AttachmentStrings = {
  uploading: (name) => `${name} wird hochgeladen`,
  cancel: (name) => `Hochladen von ${name} abbrechen`,
  dismiss: 'Schließen',
  tooLarge: (name) => `${name} ist zu groß: Dateien dürfen höchstens 10 MB haben.`,
  typeNotAllowed: (name) =>
    `${name} kann nicht gesendet werden: Senden Sie ein Bild, ein PDF, eine Textdatei, ein Office-Dokument oder ein Zip.`,
  rateLimited: 'Zu viele Dateien auf einmal. Bitte warten Sie eine Minute.',
  failed: (name) => `${name} konnte nicht gesendet werden. Bitte versuchen Sie es erneut.`,
  download: (name) => `${name} herunterladen`,
  unavailable: 'Datei nicht verfügbar',
};

const fr: AttachmentStrings = {
  uploading: (name) => `Envoi de ${name}`,
  cancel: (name) => `Annuler l’envoi de ${name}`,
  dismiss: 'Fermer',
  tooLarge: (name) => `${name} est trop volumineux : 10 Mo au maximum.`,
  typeNotAllowed: (name) =>
    `${name} ne peut pas être envoyé : envoyez une image, un PDF, un texte, un document Office ou un zip.`,
  rateLimited: 'Trop de fichiers à la fois. Patientez une minute puis réessayez.',
  failed: (name) => `${name} n’a pas pu être envoyé. Réessayez.`,
  download: (name) => `Télécharger ${name}`,
  unavailable: 'Fichier indisponible',
};

const pt: AttachmentStrings = {
  uploading: (name) => `Enviando ${name}`,
  cancel: (name) => `Cancelar o envio de ${name}`,
  dismiss: 'Fechar',
  tooLarge: (name) => `${name} é grande demais: os arquivos podem ter até 10 MB.`,
  typeNotAllowed: (name) =>
    `${name} não pode ser enviado: envie uma imagem, um PDF, um texto, um documento do Office ou um zip.`,
  rateLimited: 'Muitos arquivos de uma vez. Aguarde um minuto e tente de novo.',
  failed: (name) => `Não foi possível enviar ${name}. Tente de novo.`,
  download: (name) => `Baixar ${name}`,
  unavailable: 'Arquivo indisponível',
};

const ar: AttachmentStrings = {
  uploading: (name) => `جارٍ رفع ${name}`,
  cancel: (name) => `إلغاء رفع ${name}`,
  dismiss: 'إغلاق',
  tooLarge: (name) => `${name} كبير جدًا: الحد الأقصى للملفات 10 ميغابايت.`,
  typeNotAllowed: (name) => `لا يمكن إرسال ${name}: أرسل صورة أو PDF أو ملفًا نصيًا أو مستند Office أو zip.`,
  rateLimited: 'ملفات كثيرة دفعة واحدة. انتظر دقيقة وحاول مرة أخرى.',
  failed: (name) => `تعذّر إرسال ${name}. حاول مرة أخرى.`,
  download: (name) => `تنزيل ${name}`,
  unavailable: 'الملف غير متاح',
};

const CATALOGUES: Record<string, AttachmentStrings> = { en, ru, es, de, fr, pt, ar };

export function attachmentStringsFor(locale: string | undefined): AttachmentStrings {
  return CATALOGUES[(locale ?? 'en').slice(0, 2).toLowerCase()] ?? en;
}

/** An error code of the upload route as the sentence the visitor reads. */
export function uploadErrorText(t: AttachmentStrings, code: string, name: string): string {
  if (code === 'attachment/too_large') return t.tooLarge(name);
  if (code === 'attachment/type_not_allowed') return t.typeNotAllowed(name);
  if (code === 'rate/limited') return t.rateLimited;
  return t.failed(name);
}
