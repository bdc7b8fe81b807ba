import type { Actor } from '../../shared/actor';
import { Authorize } from '../../policy/authorize.decorator';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { validateInput } from '../../shared/validation/validate-input';
import { AuditEntry } from '../audit-entry.entity';
import { AuditEntryResponseDto } from '../dto/audit-entry-response.dto';
import { AuditQueryDto } from '../dto/audit-query.dto';

/** The audit trail, newest first, optionally for one target. */
@Injectable()
export class ListAuditEntriesUseCase {
  constructor(@InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>) {}

  @Authorize('audit.list')
  async execute(input: unknown, _actor: Actor): Promise<AuditEntryResponseDto[]> {
    const query = await validateInput(AuditQueryDto, input);
    const rows = await this.entries.find({
      where: {
        ...(query.targetType !== undefined && { targetType: query.targetType }),
        ...(query.targetId !== undefined && { targetId: query.targetId }),
      },
      order: { occurredAt: 'DESC', id: 'DESC' },
      take: query.limit,
      skip: query.offset,
    });
    return rows.map((row) => AuditEntryResponseDto.from(row));
  }
}
