import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { checkCanManageRouting } from '../../policies/routing-policy.ts';
import { UuidSchema } from '../../protocol/entities.ts';
import { TeamCreateBodySchema, TeamListSchema, TeamSchema, TeamUpdateBodySchema } from '../../protocol/team-rest.ts';
import { routeWaitingConversations } from '../../realtime/after-commit.ts';
import { loadTeams } from '../../services/teams/load-teams.ts';
import { teamNotFound } from '../../services/teams/not-found.ts';
import { createTeam, deleteTeam, updateTeam } from '../../services/teams/save-team.ts';

const TeamParamsSchema = Type.Object({ id: UuidSchema });

/** Teams of the workspace: every agent reads them; owners and admins change them. */
export async function teamRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  async function loadTeam(workspaceId: string, teamId: string) {
    const [team] = await loadTeams(app.db, workspaceId, teamId);
    if (!team) throw teamNotFound();
    return team;
  }

  app.get(
    '/v1/teams',
    { schema: { response: { 200: TeamListSchema } }, preHandler: app.requireAgent },
    async (request) => ({ teams: await loadTeams(app.db, request.agent!.workspaceId) }),
  );

  app.post(
    '/v1/teams',
    { schema: { body: TeamCreateBodySchema, response: { 201: TeamSchema } }, preHandler: app.requireAgent },
    async (request, reply) => {
      const { workspaceId, role } = request.agent!;
      checkCanManageRouting(role);
      const teamId = await createTeam(app.db, workspaceId, request.body);
      // No conversation waits for a team that did not exist, so nothing to route.
      return reply.status(201).send(await loadTeam(workspaceId, teamId));
    },
  );

  app.patch(
    '/v1/teams/:id',
    {
      schema: { params: TeamParamsSchema, body: TeamUpdateBodySchema, response: { 200: TeamSchema } },
      preHandler: app.requireAgent,
    },
    async (request) => {
      const { workspaceId, role } = request.agent!;
      checkCanManageRouting(role);
      await updateTeam(app.db, workspaceId, request.params.id, request.body);
      // New members may take the team's waiting conversations.
      if (request.body.memberIds) void routeWaitingConversations(app, request.log, workspaceId);
      return loadTeam(workspaceId, request.params.id);
    },
  );

  app.delete(
    '/v1/teams/:id',
    { schema: { params: TeamParamsSchema }, preHandler: app.requireAgent },
    async (request, reply) => {
      const { workspaceId, role } = request.agent!;
      checkCanManageRouting(role);
      await deleteTeam(app.db, workspaceId, request.params.id);
      // The team's waiting conversations now wait for anyone who answers their inbox.
      void routeWaitingConversations(app, request.log, workspaceId);
      return reply.status(204).send();
    },
  );
}
