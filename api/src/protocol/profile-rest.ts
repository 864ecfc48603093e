import Type, { type Static } from 'typebox';

/** The agent's own profile: PATCH /v1/me. */
export const ProfileUpdateBodySchema = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 80, pattern: '\\S' }) },
  { additionalProperties: false },
);
export type ProfileUpdateBody = Static<typeof ProfileUpdateBodySchema>;

/** POST /v1/me/password: the new one follows signup's length rules; every other session ends. */
export const PasswordChangeBodySchema = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: 256 }),
    newPassword: Type.String({ minLength: 8, maxLength: 256 }),
  },
  { additionalProperties: false },
);
export type PasswordChangeBody = Static<typeof PasswordChangeBodySchema>;

export const AVATAR_MAX_BYTES = 512 * 1024;
export const AVATAR_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export type AvatarType = (typeof AVATAR_TYPES)[number];

/** PUT /v1/me/avatar answers where the picture is now served. */
export const AvatarUploadedSchema = Type.Object({ avatarUrl: Type.String() });
export type AvatarUploaded = Static<typeof AvatarUploadedSchema>;

export const NotificationChannelsSchema = Type.Object(
  { browser: Type.Boolean(), sound: Type.Boolean(), titleCount: Type.Boolean() },
  { additionalProperties: false },
);
export type NotificationChannels = Static<typeof NotificationChannelsSchema>;

export const NOTIFICATION_KINDS = ['newConversation', 'newMessageInMine', 'mention'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const AUTO_AWAY_MAX_MINUTES = 240;

/** GET and PUT /v1/me/preferences (PUT takes the whole object). */
export const PreferencesSchema = Type.Object(
  {
    notifications: Type.Object(
      {
        newConversation: NotificationChannelsSchema,
        newMessageInMine: NotificationChannelsSchema,
        mention: NotificationChannelsSchema,
      },
      { additionalProperties: false },
    ),
    /** Minutes without activity before the console sets the agent away; 0 = never. */
    autoAwayMinutes: Type.Integer({ minimum: 0, maximum: AUTO_AWAY_MAX_MINUTES }),
  },
  { additionalProperties: false },
);
export type Preferences = Static<typeof PreferencesSchema>;

const ALL_ON: NotificationChannels = { browser: true, sound: true, titleCount: true };

export const DEFAULT_PREFERENCES: Preferences = {
  notifications: { newConversation: { ...ALL_ON }, newMessageInMine: { ...ALL_ON }, mention: { ...ALL_ON } },
  autoAwayMinutes: 0,
};
