import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import { CurrentActor, Public, Roles } from '../auth/auth.decorators';
import { loginRateLimit } from '../auth/rate-limits';
import type { Actor } from '../common/request-context';
import type { DeviceView, PairedDeviceView, PairingCodeView } from '@distans/contracts';
import { DevicesService } from './devices.service';
import { PairDeviceDto } from './dto/pairing.dto';

@ApiTags('room devices')
@Controller()
export class DevicesController {
  constructor(private readonly devices: DevicesService) {}

  @ApiBearerAuth()
  @Roles('ADMIN', 'OFFICE_STAFF')
  @Post('rooms/:roomId/pairing-codes')
  createCode(@CurrentActor() actor: Actor, @Param('roomId', ParseUUIDPipe) roomId: string): Promise<PairingCodeView> {
    return this.devices.createPairingCode(actor, roomId);
  }

  /** Called by the kiosk itself; guessing codes is throttled like password guessing. */
  @Public()
  @Throttle({ default: loginRateLimit })
  @Post('devices/pair')
  @HttpCode(200)
  pair(@Body() dto: PairDeviceDto): Promise<PairedDeviceView> {
    return this.devices.pair(dto.code, dto.label);
  }

  @ApiBearerAuth()
  @Roles('ADMIN', 'OFFICE_STAFF')
  @Get('rooms/:roomId/devices')
  list(@CurrentActor() actor: Actor, @Param('roomId', ParseUUIDPipe) roomId: string): Promise<DeviceView[]> {
    return this.devices.list(actor, roomId);
  }

  @ApiBearerAuth()
  @Roles('ADMIN', 'OFFICE_STAFF')
  @Delete('devices/:id')
  @HttpCode(204)
  async revoke(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.devices.revoke(actor, id);
  }
}
