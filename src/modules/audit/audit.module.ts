import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditEntry } from './audit-entry.entity';
import { AuditLog } from './audit-log';
import { ListAuditEntriesUseCase } from './use-cases/list-audit-entries.use-case';

@Module({
  imports: [TypeOrmModule.forFeature([AuditEntry])],
  providers: [AuditLog, ListAuditEntriesUseCase],
  exports: [AuditLog, ListAuditEntriesUseCase],
})
export class AuditModule {}
