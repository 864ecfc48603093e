import type { Database } from '@parley/db';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { AppError } from '../../app-error.ts';
import { isAllowedOrigin } from '../../plugins/origins.ts';
import {
  bearerToken,
  checkIdentityRequirement,
  findVisitorByToken,
  type VisitorWithInbox,
} from '../../services/visitors/visitor-access.ts';

/** Refuses a call from a page whose origin the inbox does not allow. */
export function checkWidgetOrigin(request: FastifyRequest, allowedOrigins: string[]): void {
  if (!isAllowedOrigin(request.headers.origin, allowedOrigins)) {
    throw new AppError(
      'auth/origin_forbidden',
      'This site is not allowed to use this inbox. Add its origin in the console.',
    );
  }
}

/**
 * The visitor the Bearer token names, called from a page their inbox allows, and verified when the inbox
 * requires it: what every widget route that acts for a visitor checks first.
 */
export async function requireWidgetVisitor(db: Kysely<Database>, request: FastifyRequest): Promise<VisitorWithInbox> {
  const token = bearerToken(request.headers.authorization);
  const visitor = token ? await findVisitorByToken(db, token) : undefined;
  if (!visitor) throw new AppError('auth/required', 'A visitor token is required.');
  checkWidgetOrigin(request, visitor.allowedOrigins);
  checkIdentityRequirement(visitor);
  return visitor;
}
