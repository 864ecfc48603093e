import Type, { type Static } from 'typebox';

export const ATTACHMENT_LIMITS = {
  /** Bytes in one uploaded file. */
  maxBytes: 10 * 1024 * 1024,
  /** Attachments one message may reference. */
  perMessage: 10,
  /** Characters of a file name as stored (longer names are shortened, keeping the extension). */
  nameMaxLength: 255,
} as const;

/** What an upload may be, decided from its bytes (never from the name or the client's type). */
export const ATTACHMENT_CONTENT_TYPES = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/pdf',
  'application/zip',
  'text/plain',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
] as const;

/** The only types served inline (so an <img> can show them); every other file is a download. */
export const INLINE_IMAGE_TYPES: readonly string[] = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];

/** A file attached to a message. Its name is plain text: every renderer shows it as text, never as HTML. */
export const AttachmentSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String({ maxLength: ATTACHMENT_LIMITS.nameMaxLength }),
  /** Bytes. */
  size: Type.Integer({ minimum: 1 }),
  contentType: Type.String(),
  /**
   * Where the console reads it (same origin, session cookie): /v1/attachments/:id. The widget reads
   * /v1/widget/attachments/:id with its visitor token in the Authorization header.
   */
  url: Type.String(),
  /** Pixels, for images whose header says so. */
  width: Type.Optional(Type.Integer({ minimum: 1 })),
  height: Type.Optional(Type.Integer({ minimum: 1 })),
});
export type Attachment = Static<typeof AttachmentSchema>;

/** The answer to an upload: use `attachment.id` in message.send's attachmentIds. */
export const AttachmentUploadSchema = Type.Object({ attachment: AttachmentSchema });
export type AttachmentUpload = Static<typeof AttachmentUploadSchema>;
