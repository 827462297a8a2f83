import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { IS_PUBLIC } from './auth.decorators';

/**
 * Rate limits apply to what anyone on the internet can call. Authenticated staff often share one
 * office address, so their routes are limited by role and scope instead of by client address.
 */
@Injectable()
export class PublicThrottlerGuard extends ThrottlerGuard {
  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    return !isPublic || (await super.shouldSkip(context));
  }
}
