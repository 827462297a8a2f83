import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('auth_session')
export class AuthSession {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'user_id' }) userId: string;
  @Column('text', { name: 'refresh_token_hash' }) refreshTokenHash: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'last_used_at' }) lastUsedAt: Date;
  @Column('timestamptz', { name: 'expires_at' }) expiresAt: Date;
  @Column('timestamptz', { name: 'revoked_at', nullable: true }) revokedAt: Date | null;
  @Column('text', { name: 'client_ip', nullable: true }) clientIp: string | null;
  @Column('text', { name: 'user_agent', nullable: true }) userAgent: string | null;
}
