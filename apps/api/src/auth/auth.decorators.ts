import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '@distans/contracts';
import type { Actor, PublicCaller } from '../common/request-context';

export const IS_PUBLIC = 'distans:isPublic';
export const ALLOWED_ROLES = 'distans:allowedRoles';

/**
 * Reachable without credentials (and rate limited per client address). `caller` is who the audit
 * log and a booking's history name when such a call changes or reads something.
 */
export const Public = (caller: PublicCaller = 'ANONYMOUS'): MethodDecorator & ClassDecorator =>
  SetMetadata(IS_PUBLIC, caller);

/** Only these roles may call the route; everyone else gets 403. */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ALLOWED_ROLES, roles);

export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const request = ctx.switchToHttp().getRequest<{ actor?: Actor }>();
  if (!request.actor) throw new Error('CurrentActor used on a public route');
  return request.actor;
});
