import Type, { type Static } from 'typebox';
import { IsoDateSchema, RoleSchema, UuidSchema } from './entities.ts';

// Who answers what: workspace members with their routing load settings, teams, which agents answer an
// inbox, and an inbox's routing rules. Reading is open to every agent; changing needs owner or admin.

export const MemberSchema = Type.Object({
  userId: UuidSchema,
  name: Type.String(),
  email: Type.String(),
  role: RoleSchema,
  /** Max concurrent open conversations; null = the inbox's default. */
  capacity: Type.Union([Type.Integer({ minimum: 1, maximum: 100 }), Type.Null()]),
  isAway: Type.Boolean(),
  /** A console socket of theirs is open now (on any api process). */
  isOnline: Type.Boolean(),
  /** Since when the member is deactivated (cannot sign in, gets no conversations); null = active. */
  deactivatedAt: Type.Union([IsoDateSchema, Type.Null()]),
  /** Where their uploaded picture is served (to agents of this workspace only); absent without one. */
  avatarUrl: Type.Optional(Type.String()),
});
export type Member = Static<typeof MemberSchema>;
export const MemberListSchema = Type.Object({ members: Type.Array(MemberSchema) });
export type MemberList = Static<typeof MemberListSchema>;

export const MemberUpdateBodySchema = Type.Object(
  { capacity: Type.Union([Type.Integer({ minimum: 1, maximum: 100 }), Type.Null()]) },
  { additionalProperties: false },
);
export type MemberUpdateBody = Static<typeof MemberUpdateBodySchema>;

export const TeamSchema = Type.Object({
  id: UuidSchema,
  name: Type.String(),
  memberIds: Type.Array(UuidSchema),
  createdAt: IsoDateSchema,
});
export type Team = Static<typeof TeamSchema>;
export const TeamListSchema = Type.Object({ teams: Type.Array(TeamSchema) });
export type TeamList = Static<typeof TeamListSchema>;

const TeamNameSchema = Type.String({ minLength: 1, maxLength: 80 });
const MemberIdsSchema = Type.Array(UuidSchema, { maxItems: 500, uniqueItems: true });

export const TeamCreateBodySchema = Type.Object(
  { name: TeamNameSchema, memberIds: Type.Optional(MemberIdsSchema) },
  { additionalProperties: false },
);
export type TeamCreateBody = Static<typeof TeamCreateBodySchema>;
export const TeamUpdateBodySchema = Type.Object(
  { name: Type.Optional(TeamNameSchema), memberIds: Type.Optional(MemberIdsSchema) },
  { additionalProperties: false },
);
export type TeamUpdateBody = Static<typeof TeamUpdateBodySchema>;

/** The agents who answer an inbox (routing offers its conversations only to them). */
export const InboxMembersSchema = Type.Object({ userIds: Type.Array(UuidSchema) });
export type InboxMembers = Static<typeof InboxMembersSchema>;
export const InboxMembersBodySchema = Type.Object({ userIds: MemberIdsSchema }, { additionalProperties: false });

export const RoutingRuleFieldSchema = Type.Union([
  Type.Literal('page_url'),
  Type.Literal('language'),
  Type.Literal('attribute'),
]);

/**
 * Sends a new conversation to a team when the visitor matches: a page URL pattern with `*` wildcards,
 * a language tag by prefix ("de" matches "de-AT"), or a host-page attribute by exact value. The first
 * matching rule (in list order) wins; case does not matter.
 */
export const RoutingRuleInputSchema = Type.Object(
  {
    field: RoutingRuleFieldSchema,
    /** Required when field is "attribute"; must be absent or null otherwise. */
    attributeKey: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 100 }), Type.Null()])),
    pattern: Type.String({ minLength: 1, maxLength: 500 }),
    teamId: UuidSchema,
  },
  { additionalProperties: false },
);
export type RoutingRuleInput = Static<typeof RoutingRuleInputSchema>;
export const RoutingRuleSchema = Type.Object({
  id: UuidSchema,
  field: RoutingRuleFieldSchema,
  attributeKey: Type.Union([Type.String(), Type.Null()]),
  pattern: Type.String(),
  teamId: UuidSchema,
});
export type RoutingRule = Static<typeof RoutingRuleSchema>;
export const RoutingRuleListSchema = Type.Object({ rules: Type.Array(RoutingRuleSchema) });
export type RoutingRuleList = Static<typeof RoutingRuleListSchema>;
/** Replaces all of an inbox's rules, in this order. */
export const RoutingRulesBodySchema = Type.Object(
  { rules: Type.Array(RoutingRuleInputSchema, { maxItems: 100 }) },
  { additionalProperties: false },
);
export type RoutingRulesBody = Static<typeof RoutingRulesBodySchema>;
