import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { NotFoundError } from '../common/domain-errors';
import type { Actor } from '../common/request-context';
import { CreateAbsenceDto } from './dto/user.dto';
import type { UserView } from '@distans/contracts';
import type { AbsenceView, DeviceSelfView } from '@distans/contracts';
import { UsersService } from './users.service';

/** What the caller may know about themselves; a room device learns only its room. */
@ApiTags('me')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(
    private readonly users: UsersService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  @Get()
  async me(@CurrentActor() actor: Actor): Promise<UserView | DeviceSelfView> {
    if (actor.role !== 'ROOM_DEVICE') return this.users.me(actor);
    const [row] = await this.db.query(
      `SELECT r.id AS room_id, r.name AS room_name, o.id AS office_id, o.name AS office_name, o.time_zone
         FROM room r JOIN office o ON o.id = r.office_id WHERE r.id = $1`,
      [actor.roomId],
    );
    if (!row) throw new NotFoundError('Room not found');
    return {
      role: 'ROOM_DEVICE',
      deviceId: actor.id,
      room: { id: row.room_id, name: row.room_name },
      office: { id: row.office_id, name: row.office_name, timeZone: row.time_zone },
    };
  }

  @Roles('HANDLER', 'INTERPRETER')
  @Get('absences')
  absences(@CurrentActor() actor: Actor): Promise<AbsenceView[]> {
    return this.users.listAbsences(actor, actor.id);
  }

  @Roles('HANDLER', 'INTERPRETER')
  @Post('absences')
  addAbsence(@CurrentActor() actor: Actor, @Body() dto: CreateAbsenceDto): Promise<AbsenceView> {
    return this.users.addAbsence(actor.id, dto);
  }

  @Roles('HANDLER', 'INTERPRETER')
  @Delete('absences/:absenceId')
  @HttpCode(204)
  async removeAbsence(
    @CurrentActor() actor: Actor,
    @Param('absenceId', ParseUUIDPipe) absenceId: string,
  ): Promise<void> {
    await this.users.removeAbsence(actor.id, absenceId);
  }
}
