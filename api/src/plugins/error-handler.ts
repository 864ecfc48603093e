import type { FastifyError, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../app-error.ts';
import type { ErrorBody, ErrorCode } from '../protocol/errors.ts';

/** One error shape for every route: `{ code, message }`; 5xx details stay in the log. */
export const errorHandlerPlugin = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    const body = toErrorBody(error);
    const status = error instanceof AppError ? error.statusCode : statusOf(error);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    app.metrics?.errors.inc({ transport: 'http', code: body.code });
    reply.status(status).send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    app.metrics?.errors.inc({ transport: 'http', code: 'route/not_found' });
    reply.status(404).send({ code: 'route/not_found', message: `No route ${request.method} ${request.url}.` });
  });
});

function statusOf(error: FastifyError): number {
  if (error.validation) return 400;
  const status = error.statusCode ?? 500;
  return status >= 400 && status < 600 ? status : 500;
}

function toErrorBody(error: FastifyError | AppError): ErrorBody {
  if (error instanceof AppError) return { code: error.code, message: error.message };
  if (error.validation) return { code: 'request/invalid', message: describeValidation(error) };
  const status = statusOf(error);
  const code = codeForStatus(error, status);
  return { code, message: status >= 500 ? 'Internal server error.' : error.message };
}

function codeForStatus(error: FastifyError, status: number): ErrorCode {
  if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY')
    return 'request/malformed';
  if (status === 413) return 'request/too_large';
  if (status === 415 || status === 400) return 'request/malformed';
  if (status === 429) return 'rate/limited';
  if (status === 404) return 'route/not_found';
  if (status === 401) return 'auth/required';
  if (status === 403) return 'auth/forbidden';
  if (status === 503) return 'server/unavailable';
  return 'server/internal';
}

function describeValidation(error: FastifyError): string {
  const first = error.validation?.[0];
  if (!first) return 'The request is invalid.';
  const path = (first.instancePath || '').replace(/^\//, '').replaceAll('/', '.');
  const where = [error.validationContext, path].filter(Boolean).join(' ');
  return `${where ? `${where}: ` : ''}${first.message ?? 'is invalid'}.`;
}
