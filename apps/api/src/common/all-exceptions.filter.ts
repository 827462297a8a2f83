import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { ErrorBody } from '@distans/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ThrottlerException } from '@nestjs/throttler';
import { QueryFailedError } from 'typeorm';
import { isDatabaseOutage, OUTAGE_RETRY_AFTER_SECONDS } from './database-outage';
import { DomainError } from './domain-errors';

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  423: 'Locked',
  429: 'Too Many Requests',
  503: 'Service Unavailable',
};

/**
 * The single place that turns anything thrown into the one error shape. Unknown errors are logged
 * with their stack and answered with a bare 500 plus the correlation id, never with internals.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    this.answer(exception, http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>());
  }

  /** Also for the errors Fastify raises before a route is found (a malformed or overlong path). */
  answer(exception: unknown, request: FastifyRequest, reply: FastifyReply): void {
    const body = this.toBody(exception);
    body.correlationId = String(request.id);
    if (body.statusCode === 503) {
      void reply.header('retry-after', String(OUTAGE_RETRY_AFTER_SECONDS));
      this.logger.warn({ err: exception, correlationId: body.correlationId, url: request.url }, 'Database unavailable');
    } else if (body.statusCode >= 500) {
      this.logger.error({ err: exception, correlationId: body.correlationId, url: request.url }, 'Unhandled error');
    }
    void reply.status(body.statusCode).send(body);
  }

  private toBody(exception: unknown): ErrorBody & { extra?: Record<string, unknown> } {
    if (exception instanceof DomainError) {
      return {
        statusCode: exception.status,
        error: exception.error,
        message: exception.message,
        ...(exception.details ? { details: exception.details } : {}),
        ...(exception.extra ? { extra: exception.extra } : {}),
      };
    }
    if (exception instanceof ThrottlerException) {
      return { statusCode: 429, error: REASONS[429], message: 'Too many requests; slow down and retry shortly' };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const res = exception.getResponse();
      const message = messageOf(res, exception.message);
      return { statusCode: status, error: REASONS[status] ?? 'Error', message };
    }
    if (isDatabaseOutage(exception)) {
      return {
        statusCode: 503,
        error: REASONS[503],
        message: `The service is briefly unavailable; try again in ${OUTAGE_RETRY_AFTER_SECONDS} seconds`,
      };
    }
    if (exception instanceof QueryFailedError) {
      // Last line of defence: the database refused the write. Services translate the cases they
      // expect; these catch the rest without leaking SQL.
      const code = (exception.driverError as { code?: string } | undefined)?.code;
      if (code === '23505' || code === '23P01')
        return { statusCode: 409, error: REASONS[409], message: 'This conflicts with existing data' };
      if (code === '23503')
        return { statusCode: 409, error: REASONS[409], message: 'This refers to, or is referred to by, other data' };
      if (code === '23514' || code === '22P02' || code === '22007' || code === '22008')
        return { statusCode: 400, error: REASONS[400], message: 'A value is out of range or malformed' };
    }
    // Fastify's own errors (malformed JSON, body too large, wrong content type) carry statusCode.
    const fastifyStatus = (exception as { statusCode?: unknown })?.statusCode;
    if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
      return {
        statusCode: fastifyStatus,
        error: REASONS[fastifyStatus] ?? 'Bad Request',
        message: (exception as Error).message,
      };
    }
    return {
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'Something went wrong. Quote the correlation id when reporting it.',
    };
  }
}

function messageOf(response: string | object, fallback: string): string {
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.map(String).join('; ');
  return typeof message === 'string' ? message : fallback;
}
