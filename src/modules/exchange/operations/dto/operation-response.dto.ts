import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OPERATION_STATUSES, type Operation, type OperationStatus } from '../operation.entity';
import type { OperationStep, OperationStepStatus } from '../operation-step.entity';

export class OperationTargetDto {
  @ApiProperty({ example: 'mailbox' }) type!: string;
  @ApiProperty() id!: string;
}

export class OperationProgressDto {
  @ApiProperty() done!: number;
  @ApiPropertyOptional({ type: Number, nullable: true }) total!: number | null;
}

export class OperationStepResponseDto {
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['pending', 'done', 'compensated', 'failed'] }) status!: OperationStepStatus;
  @ApiProperty() attempts!: number;
  @ApiPropertyOptional({ type: String, nullable: true }) error!: string | null;
}

/** An operation as callers see it; its input (which may hold sealed secrets) is never exposed. */
export class OperationResponseDto {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'mailbox.create' }) kind!: string;
  @ApiProperty({ enum: OPERATION_STATUSES }) status!: OperationStatus;
  @ApiPropertyOptional({ type: String, nullable: true }) accountId!: string | null;
  @ApiProperty({ type: OperationTargetDto }) target!: OperationTargetDto;
  @ApiProperty({ type: OperationProgressDto }) progress!: OperationProgressDto;
  @ApiProperty({ type: [OperationStepResponseDto] }) steps!: OperationStepResponseDto[];
  @ApiPropertyOptional({ type: String, nullable: true }) lastError!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) nextAttemptAt!: string | null;
  @ApiProperty() actor!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) finishedAt!: string | null;

  static from(operation: Operation, steps: OperationStep[]): OperationResponseDto {
    const active = operation.finishedAt === null;
    return {
      id: operation.id,
      kind: operation.kind,
      status: operation.status,
      accountId: operation.accountId,
      target: { type: operation.targetType, id: operation.targetId },
      progress: { done: operation.progressDone, total: operation.progressTotal },
      steps: [...steps]
        .sort((a, b) => a.seq - b.seq)
        .map(({ name, status, attempts, error }) => ({ name, status, attempts, error })),
      lastError: operation.lastError,
      nextAttemptAt: active ? operation.nextAttemptAt.toISOString() : null,
      actor: operation.actor,
      createdAt: operation.createdAt.toISOString(),
      updatedAt: operation.updatedAt.toISOString(),
      finishedAt: operation.finishedAt?.toISOString() ?? null,
    };
  }
}
