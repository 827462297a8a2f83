import { Module } from '@nestjs/common';
import { RoomScreenController } from './room-screen.controller';
import { RoomScreenService } from './room-screen.service';

@Module({ controllers: [RoomScreenController], providers: [RoomScreenService], exports: [RoomScreenService] })
export class RoomScreenModule {}
