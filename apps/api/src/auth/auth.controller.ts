import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../common/request-context';
import { CurrentActor, Public } from './auth.decorators';
import type { PasswordSetView, TokenPair } from '@distans/contracts';
import { SetPasswordDto } from '../users/dto/user.dto';
import { AuthService } from './auth.service';
import { LoginDto, RefreshDto } from './dto/login.dto';
import { loginRateLimit } from './rate-limits';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Throttle({ default: loginRateLimit })
  @Post('login')
  @HttpCode(200)
  login(@Body() body: LoginDto, @Req() req: FastifyRequest): Promise<TokenPair> {
    return this.auth.login(body.email, body.password, {
      ip: req.ip ?? null,
      userAgent: req.headers['user-agent'] ?? null,
    });
  }

  @Public()
  @Throttle({ default: loginRateLimit })
  @Post('refresh')
  @HttpCode(200)
  refresh(@Body() body: RefreshDto): Promise<TokenPair> {
    return this.auth.refresh(body.refreshToken);
  }

  /** With the one-time code from an invitation or a reset (rate limited like login). */
  @Public()
  @Throttle({ default: loginRateLimit })
  @Post('set-password')
  @HttpCode(200)
  setPassword(@Body() body: SetPasswordDto): Promise<PasswordSetView> {
    return this.auth.setPassword(body.code, body.password);
  }

  @ApiBearerAuth()
  @Post('logout')
  @HttpCode(204)
  async logout(@CurrentActor() actor: Actor): Promise<void> {
    await this.auth.logout(actor);
  }
}
