import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { CLOSE_CODES } from '../../protocol/constants.ts';
import { UuidSchema } from '../../protocol/entities.ts';
import { MemberRoleBodySchema } from '../../protocol/member-rest.ts';
import { MemberSchema } from '../../protocol/team-rest.ts';
import { returnAgentConversations } from '../../realtime/after-commit.ts';
import { closeUserSockets } from '../../realtime/close-user-sockets.ts';
import { changeMemberRole } from '../../services/members/change-member-role.ts';
import { checkCanManageMembers } from '../../services/members/member-permissions.ts';
import { deactivateMember, reactivateMember } from '../../services/members/set-member-active.ts';
import { loadMembers } from '../../services/teams/load-members.ts';
import { memberNotFound } from '../../services/teams/not-found.ts';

const MemberParamsSchema = Type.Object({ userId: UuidSchema });
const schema = { params: MemberParamsSchema, response: { 200: MemberSchema } };

/** Roles and deactivation: owners and admins (see services/members/member-permissions.ts). */
export async function memberAccessRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  async function loadMember(workspaceId: string, userId: string) {
    const online = await app.realtime.presence.onlineAgentIds(workspaceId);
    const [member] = await loadMembers(app.db, workspaceId, online, userId);
    if (!member) throw memberNotFound();
    return member;
  }

  app.put(
    '/v1/members/:userId/role',
    { schema: { ...schema, body: MemberRoleBodySchema }, preHandler: app.requireAgent },
    async (request) => {
      const actor = request.agent!;
      checkCanManageMembers(actor.role);
      await changeMemberRole(app.db, actor, request.params.userId, request.body.role);
      return loadMember(actor.workspaceId, request.params.userId);
    },
  );

  app.post('/v1/members/:userId/deactivate', { schema, preHandler: app.requireAgent }, async (request) => {
    const actor = request.agent!;
    const { userId } = request.params;
    checkCanManageMembers(actor.role);
    if (await deactivateMember(app.db, actor, userId)) {
      // Their sessions are gone already; their open consoles hear it now, and what they held goes to others.
      closeUserSockets(app.realtime, userId, CLOSE_CODES.unauthorized);
      await returnAgentConversations(
        app,
        request.log,
        { workspaceId: actor.workspaceId, userId },
        'the agent was deactivated',
      );
    }
    return loadMember(actor.workspaceId, userId);
  });

  app.post('/v1/members/:userId/reactivate', { schema, preHandler: app.requireAgent }, async (request) => {
    const actor = request.agent!;
    checkCanManageMembers(actor.role);
    await reactivateMember(app.db, actor, request.params.userId);
    return loadMember(actor.workspaceId, request.params.userId);
  });
}
