import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { DatabaseNotifications } from './database-notifications';
import { LiveGateway } from './live.gateway';

@Module({ imports: [AuthModule], providers: [DatabaseNotifications, LiveGateway], exports: [DatabaseNotifications] })
export class LiveModule {}
