import type { Actor } from '../../../shared/actor';
import { Authorize } from '../../../policy/authorize.decorator';
import { isUUID } from 'class-validator';
import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { DomainError } from '../../../shared/errors/domain.error';
import { ErrorCode } from '../../../shared/errors/error-code.enum';
import { validateInput } from '../../../shared/validation/validate-input';
import { OperationListQueryDto } from '../dto/operation-list-query.dto';
import { OperationResponseDto } from '../dto/operation-response.dto';
import { Operation } from '../operation.entity';
import { OperationStep } from '../operation-step.entity';

/** One operation with its steps; with `accountId`, only one of that account (another is "not found"). */
export async function operationById(
  manager: EntityManager,
  id: string,
  accountId?: string,
): Promise<OperationResponseDto> {
  const where = accountId === undefined ? { id } : { id, accountId };
  const operation = isUUID(id) ? await manager.findOneBy(Operation, where) : null;
  if (!operation) throw new DomainError(ErrorCode.NOT_FOUND, `No operation has the id ${id}`);
  const steps = await manager.find(OperationStep, { where: { operationId: id }, order: { seq: 'ASC' } });
  return OperationResponseDto.from(operation, steps);
}

/** Where an operation stands (status, steps, progress, last error), and the newest operations. */
@Injectable()
export class GetOperationUseCase {
  constructor(private readonly dataSource: DataSource) {}

  @Authorize('operation.read')
  get(id: string, _actor: Actor): Promise<OperationResponseDto> {
    return operationById(this.dataSource.manager, id);
  }

  @Authorize('operation.list')
  async list(input: unknown, _actor: Actor): Promise<OperationResponseDto[]> {
    const query = await validateInput(OperationListQueryDto, input);
    const manager = this.dataSource.manager;
    const operations = await manager.find(Operation, {
      where: {
        ...(query.status !== undefined && { status: query.status }),
        ...(query.kind !== undefined && { kind: query.kind }),
      },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: query.limit,
      skip: query.offset,
    });
    const ids = operations.map((operation) => operation.id);
    const steps = ids.length ? await manager.find(OperationStep, { where: { operationId: In(ids) } }) : [];
    return operations.map((operation) =>
      OperationResponseDto.from(
        operation,
        steps.filter((step) => step.operationId === operation.id),
      ),
    );
  }
}
