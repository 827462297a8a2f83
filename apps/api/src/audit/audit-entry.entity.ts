import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('audit_log')
export class AuditEntry {
  @PrimaryColumn('bigint') id: string;
  @Column('timestamptz') at: Date;
  @Column('uuid', { name: 'actor_id', nullable: true }) actorId: string | null;
  @Column('text', { name: 'actor_role' }) actorRole: string;
  @Column('text') action: string;
  @Column('text', { name: 'resource_type' }) resourceType: string;
  @Column('text', { name: 'resource_id', nullable: true }) resourceId: string | null;
  @Column('text', { name: 'client_ip', nullable: true }) clientIp: string | null;
  @Column('text', { name: 'correlation_id', nullable: true }) correlationId: string | null;
  @Column('jsonb') details: Record<string, unknown>;
}
