import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Page } from '@distans/contracts';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import type { Actor } from '../common/request-context';
import { CreateAbsenceDto, CreateUserDto, UpdateUserDto, UserQueryDto } from './dto/user.dto';
import type { CreatedUserView, PasswordCodeView, UserView } from '@distans/contracts';
import type { AbsenceView } from '@distans/contracts';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Roles('ADMIN', 'HANDLER')
  @Get()
  list(@CurrentActor() actor: Actor, @Query() q: UserQueryDto): Promise<Page<UserView>> {
    return this.users.list(actor, q);
  }

  @Roles('ADMIN', 'HANDLER')
  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<UserView> {
    return this.users.get(actor, id);
  }

  @Roles('ADMIN')
  @Post()
  create(@CurrentActor() actor: Actor, @Body() dto: CreateUserDto): Promise<CreatedUserView> {
    return this.users.create(actor, dto);
  }

  /** Ends the person's sessions and old password; answers a one-time code to choose a new one. */
  @Roles('ADMIN')
  @Post(':id/password-reset')
  @HttpCode(200)
  resetPassword(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<PasswordCodeView> {
    return this.users.resetPassword(actor, id);
  }

  @Roles('ADMIN')
  @Patch(':id')
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateUserDto): Promise<UserView> {
    return this.users.update(id, dto);
  }

  @Roles('ADMIN')
  @Get(':id/absences')
  absences(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<AbsenceView[]> {
    return this.users.listAbsences(actor, id);
  }

  @Roles('ADMIN')
  @Post(':id/absences')
  addAbsence(@Param('id', ParseUUIDPipe) id: string, @Body() dto: CreateAbsenceDto): Promise<AbsenceView> {
    return this.users.addAbsence(id, dto);
  }

  @Roles('ADMIN')
  @Delete(':id/absences/:absenceId')
  @HttpCode(204)
  async removeAbsence(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('absenceId', ParseUUIDPipe) absenceId: string,
  ): Promise<void> {
    await this.users.removeAbsence(id, absenceId);
  }
}
