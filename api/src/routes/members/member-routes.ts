import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { checkCanManageRouting } from '../../policies/routing-policy.ts';
import { UuidSchema } from '../../protocol/entities.ts';
import { MemberListSchema, MemberSchema, MemberUpdateBodySchema } from '../../protocol/team-rest.ts';
import { routeWaitingConversations } from '../../realtime/after-commit.ts';
import { loadMembers } from '../../services/teams/load-members.ts';
import { memberNotFound } from '../../services/teams/not-found.ts';
import { updateMemberCapacity } from '../../services/teams/update-member-capacity.ts';

const MemberParamsSchema = Type.Object({ userId: UuidSchema });

/** The workspace's members with their routing load settings; owners and admins set capacities. */
export async function memberRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const onlineAgentIds = async (workspaceId: string) => await app.realtime.presence.onlineAgentIds(workspaceId);

  app.get(
    '/v1/members',
    { schema: { response: { 200: MemberListSchema } }, preHandler: app.requireAgent },
    async (request) => {
      const { workspaceId } = request.agent!;
      return { members: await loadMembers(app.db, workspaceId, await onlineAgentIds(workspaceId)) };
    },
  );

  app.patch(
    '/v1/members/:userId',
    {
      schema: { params: MemberParamsSchema, body: MemberUpdateBodySchema, response: { 200: MemberSchema } },
      preHandler: app.requireAgent,
    },
    async (request) => {
      const { workspaceId, role } = request.agent!;
      checkCanManageRouting(role);
      const { userId } = request.params;
      const { couldTakeMore } = await updateMemberCapacity(app.db, workspaceId, userId, request.body.capacity);
      if (couldTakeMore) void routeWaitingConversations(app, request.log, workspaceId);
      const [member] = await loadMembers(app.db, workspaceId, await onlineAgentIds(workspaceId), userId);
      if (!member) throw memberNotFound();
      return member;
    },
  );
}
