import Type, { type Static } from 'typebox';
import { IsoDateSchema, RoleSchema, UuidSchema } from './entities.ts';

// Who is in the workspace: invitations (owners and admins invite by a link, shown and emailed), roles,
// deactivation. Rules (enforced by the api): owners do everything; admins manage admins and agents but
// never owners, and cannot make anyone an owner; an invitation is for admin or agent (owners are made by
// an owner, afterwards); a workspace always keeps one active owner; nobody deactivates themselves.

export const INVITATION_TTL_DAYS = 7;

export const InvitedRoleSchema = Type.Union([Type.Literal('admin'), Type.Literal('agent')]);
export type InvitedRole = Static<typeof InvitedRoleSchema>;

/** The secret of an invitation link: 20 random bytes, base32 (like session tokens). */
export const InvitationTokenSchema = Type.String({ pattern: '^[a-z2-7]{32}$' });

export const InvitationCreateBodySchema = Type.Object(
  { email: Type.String({ format: 'email', maxLength: 254 }), role: InvitedRoleSchema },
  { additionalProperties: false },
);
export type InvitationCreateBody = Static<typeof InvitationCreateBodySchema>;

/** An invitation nobody has accepted or revoked yet (it may have expired). */
export const InvitationSchema = Type.Object({
  id: UuidSchema,
  email: Type.String(),
  role: InvitedRoleSchema,
  invitedBy: Type.Union([Type.Object({ id: UuidSchema, name: Type.String() }), Type.Null()]),
  createdAt: IsoDateSchema,
  expiresAt: IsoDateSchema,
});
export type Invitation = Static<typeof InvitationSchema>;
export const InvitationListSchema = Type.Object({ invitations: Type.Array(InvitationSchema) });
export type InvitationList = Static<typeof InvitationListSchema>;

/** What creating an invitation answers: the link exists only here (the api keeps only its hash). */
export const CreatedInvitationSchema = Type.Object({
  invitation: InvitationSchema,
  /** `${PUBLIC_URL}/invite/<token>`: copy it to the invitee. */
  acceptUrl: Type.String(),
  /** sent = emailed through SMTP_URL; not_configured = no SMTP; failed = SMTP refused or was unreachable. */
  email: Type.Union([Type.Literal('sent'), Type.Literal('not_configured'), Type.Literal('failed')]),
});
export type CreatedInvitation = Static<typeof CreatedInvitationSchema>;

/** What the invitee sees before accepting (public: the link is the credential). */
export const InvitationPreviewSchema = Type.Object({
  workspaceName: Type.String(),
  email: Type.String(),
  role: InvitedRoleSchema,
  invitedByName: Type.Union([Type.String(), Type.Null()]),
  expiresAt: IsoDateSchema,
});
export type InvitationPreview = Static<typeof InvitationPreviewSchema>;

export const InvitationAcceptBodySchema = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 100 }), password: Type.String({ minLength: 8, maxLength: 256 }) },
  { additionalProperties: false },
);
export type InvitationAcceptBody = Static<typeof InvitationAcceptBodySchema>;

export const MemberRoleBodySchema = Type.Object({ role: RoleSchema }, { additionalProperties: false });
export type MemberRoleBody = Static<typeof MemberRoleBodySchema>;
