import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ErrorBody, ErrorCode } from '@distans/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ThrottlerException } from '@nestjs/throttler';
import { DataSource, QueryFailedError } from 'typeorm';
import { isDatabaseOutage, OUTAGE_RETRY_AFTER_SECONDS } from './database-outage';
import { DomainError, OutOfScopeError } from './domain-errors';
import { currentActor } from './request-context';
import { noteSecurityEvent } from './security-events';

/** Reason phrase and default code of each status the API answers with outside its domain errors. */
const STATUSES: Record<number, { error: string; code: ErrorCode }> = {
  400: { error: 'Bad Request', code: 'VALIDATION_FAILED' },
  401: { error: 'Unauthorized', code: 'UNAUTHENTICATED' },
  403: { error: 'Forbidden', code: 'FORBIDDEN' },
  404: { error: 'Not Found', code: 'NOT_FOUND' },
  405: { error: 'Method Not Allowed', code: 'METHOD_NOT_ALLOWED' },
  409: { error: 'Conflict', code: 'CONFLICT' },
  413: { error: 'Payload Too Large', code: 'PAYLOAD_TOO_LARGE' },
  414: { error: 'URI Too Long', code: 'VALIDATION_FAILED' },
  415: { error: 'Unsupported Media Type', code: 'UNSUPPORTED_MEDIA_TYPE' },
  423: { error: 'Locked', code: 'ACCOUNT_LOCKED' },
  429: { error: 'Too Many Requests', code: 'RATE_LIMITED' },
  500: { error: 'Internal Server Error', code: 'INTERNAL' },
  503: { error: 'Service Unavailable', code: 'SERVICE_UNAVAILABLE' },
};

/** The generic body of a status; 4xx statuses we do not list still get a 4xx code. */
function byStatus(statusCode: number, message: string): ErrorBody {
  const known = STATUSES[statusCode];
  if (known) return { statusCode, ...known, message };
  return statusCode < 500
    ? { statusCode, error: 'Bad Request', code: 'VALIDATION_FAILED', message }
    : { statusCode, error: 'Internal Server Error', code: 'INTERNAL', message };
}

/**
 * The single place that turns anything thrown into the one error shape. Unknown errors are logged
 * with their stack and answered with a bare 500 plus the correlation id, never with internals.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  /** Without a database (errors Fastify raises before routing) nothing is recorded. */
  constructor(@Optional() @InjectDataSource() private readonly db?: DataSource) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    this.answer(exception, http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>());
  }

  /** Also for the errors Fastify raises before a route is found (a malformed or overlong path). */
  answer(exception: unknown, request: FastifyRequest, reply: FastifyReply): void {
    const body = errorBody(exception);
    if (exception instanceof OutOfScopeError && this.db)
      noteSecurityEvent(this.db, 'OUT_OF_SCOPE', currentActor(), exception.officeId);
    body.correlationId = String(request.id);
    if (body.statusCode === 503) {
      void reply.header('retry-after', String(OUTAGE_RETRY_AFTER_SECONDS));
      this.logger.warn({ err: exception, correlationId: body.correlationId, url: request.url }, 'Database unavailable');
    } else if (body.statusCode >= 500) {
      this.logger.error({ err: exception, correlationId: body.correlationId, url: request.url }, 'Unhandled error');
    }
    void reply.status(body.statusCode).send(body);
  }
}

/** Anything thrown, as the body the API answers with (without the correlation id). */
export function errorBody(exception: unknown): ErrorBody {
  if (exception instanceof DomainError) {
    return {
      statusCode: exception.status,
      error: exception.error,
      code: exception.code,
      message: exception.message,
      ...(exception.details ? { details: exception.details } : {}),
      ...(exception.extra ? { extra: exception.extra } : {}),
    };
  }
  if (exception instanceof ThrottlerException) {
    return byStatus(429, 'Too many requests; slow down and retry shortly');
  }
  if (exception instanceof HttpException) {
    return byStatus(exception.getStatus(), messageOf(exception.getResponse(), exception.message));
  }
  if (isDatabaseOutage(exception)) {
    return byStatus(503, `The service is briefly unavailable; try again in ${OUTAGE_RETRY_AFTER_SECONDS} seconds`);
  }
  if (exception instanceof QueryFailedError) {
    // Last line of defence: the database refused the write. Services translate the cases they
    // expect; these catch the rest without leaking SQL.
    const code = (exception.driverError as { code?: string } | undefined)?.code;
    if (code === '23505' || code === '23P01') return byStatus(409, 'This conflicts with existing data');
    if (code === '23503') return byStatus(409, 'This refers to, or is referred to by, other data');
    if (code === '23514' || code === '22P02' || code === '22007' || code === '22008')
      return byStatus(400, 'A value is out of range or malformed');
  }
  // Fastify's own errors (malformed JSON, body too large, wrong content type) carry statusCode.
  const fastifyStatus = (exception as { statusCode?: unknown })?.statusCode;
  if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
    return byStatus(fastifyStatus, (exception as Error).message);
  }
  return byStatus(500, 'Something went wrong. Quote the correlation id when reporting it.');
}

function messageOf(response: string | object, fallback: string): string {
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.map(String).join('; ');
  return typeof message === 'string' ? message : fallback;
}
