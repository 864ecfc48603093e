import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { checkCanManageRouting } from '../../policies/routing-policy.ts';
import { UuidSchema } from '../../protocol/entities.ts';
import {
  InboxMembersBodySchema,
  InboxMembersSchema,
  RoutingRuleListSchema,
  RoutingRulesBodySchema,
} from '../../protocol/team-rest.ts';
import { routeWaitingConversations } from '../../realtime/after-commit.ts';
import { checkInboxOfWorkspace } from '../../services/teams/find-inbox.ts';
import { loadInboxMemberIds, replaceInboxMembers } from '../../services/teams/inbox-members.ts';
import { loadRoutingRules, replaceRoutingRules } from '../../services/teams/routing-rules.ts';

const InboxParamsSchema = Type.Object({ id: UuidSchema });

/** Who answers an inbox and its routing rules: every agent reads them; owners and admins replace them. */
export async function inboxRoutingRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/v1/inboxes/:id/members',
    { schema: { params: InboxParamsSchema, response: { 200: InboxMembersSchema } }, preHandler: app.requireAgent },
    async (request) => {
      const { workspaceId } = request.agent!;
      await checkInboxOfWorkspace(app.db, workspaceId, request.params.id);
      return { userIds: await loadInboxMemberIds(app.db, workspaceId, request.params.id) };
    },
  );

  app.put(
    '/v1/inboxes/:id/members',
    {
      schema: { params: InboxParamsSchema, body: InboxMembersBodySchema, response: { 200: InboxMembersSchema } },
      preHandler: app.requireAgent,
    },
    async (request) => {
      const { workspaceId, role } = request.agent!;
      checkCanManageRouting(role);
      await replaceInboxMembers(app.db, workspaceId, request.params.id, request.body.userIds);
      // Someone new may answer the waiting conversations.
      void routeWaitingConversations(app, request.log, workspaceId);
      return { userIds: await loadInboxMemberIds(app.db, workspaceId, request.params.id) };
    },
  );

  app.get(
    '/v1/inboxes/:id/rules',
    { schema: { params: InboxParamsSchema, response: { 200: RoutingRuleListSchema } }, preHandler: app.requireAgent },
    async (request) => {
      await checkInboxOfWorkspace(app.db, request.agent!.workspaceId, request.params.id);
      return { rules: await loadRoutingRules(app.db, request.params.id) };
    },
  );

  app.put(
    '/v1/inboxes/:id/rules',
    {
      schema: { params: InboxParamsSchema, body: RoutingRulesBodySchema, response: { 200: RoutingRuleListSchema } },
      preHandler: app.requireAgent,
    },
    async (request) => {
      const { workspaceId, role } = request.agent!;
      checkCanManageRouting(role);
      // Rules pick a team for new conversations; waiting ones keep theirs, so nothing to route here.
      await replaceRoutingRules(app.db, workspaceId, request.params.id, request.body.rules);
      return { rules: await loadRoutingRules(app.db, request.params.id) };
    },
  );
}
