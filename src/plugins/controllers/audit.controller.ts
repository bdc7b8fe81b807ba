import type { Actor } from '../../modules/shared/actor';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditEntryResponseDto } from '../../modules/audit/dto/audit-entry-response.dto';
import { AuditQueryDto } from '../../modules/audit/dto/audit-query.dto';
import { ListAuditEntriesUseCase } from '../../modules/audit/use-cases/list-audit-entries.use-case';
import { CurrentActor } from '../actor/current-actor.decorator';
import { SignedRoute } from './signed-route.decorator';

@ApiTags('admin: audit')
@SignedRoute()
@Controller('plugin/v1/admin/audit')
export class AuditController {
  constructor(private readonly listEntries: ListAuditEntriesUseCase) {}

  @Get()
  @ApiOperation({ summary: 'Audit trail, newest first' })
  @ApiOkResponse({ type: [AuditEntryResponseDto] })
  list(@Query() query: AuditQueryDto, @CurrentActor() actor: Actor): Promise<AuditEntryResponseDto[]> {
    return this.listEntries.execute(query, actor);
  }
}
