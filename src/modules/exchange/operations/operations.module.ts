import { EventsModule } from '../../events/events.module';
import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_CONFIG_KEY, type AppConfig } from '../../globals/config/app-config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../../audit/audit.module';
import { Operation } from './operation.entity';
import { OperationRegistry } from './operation.registry';
import { OperationStep } from './operation-step.entity';
import { OperationsService } from './operations.service';
import { OperationsWorker } from './operations.worker';
import { DEFAULT_OPERATIONS_WORKER_OPTIONS, OPERATIONS_WORKER_OPTIONS } from './operations-worker.options';
import { GetOperationUseCase } from './use-cases/get-operation.use-case';

/** The provisioning engine: persisted operations with idempotent steps, run by a claiming worker. */
@Module({
  imports: [TypeOrmModule.forFeature([Operation, OperationStep]), AuditModule, EventsModule],
  providers: [
    {
      provide: OPERATIONS_WORKER_OPTIONS,
      inject: [ConfigService],
      useFactory: (config: ConfigService) => {
        const app = config.getOrThrow<AppConfig>(APP_CONFIG_KEY);
        return {
          ...DEFAULT_OPERATIONS_WORKER_OPTIONS,
          autoStart: app.operationsWorker === 'on',
          leaseMs: app.operationsLeaseMs,
        };
      },
    },
    OperationRegistry,
    OperationsService,
    OperationsWorker,
    GetOperationUseCase,
  ],
  exports: [
    OperationRegistry,
    OperationsService,
    OperationsWorker,
    GetOperationUseCase,
    OPERATIONS_WORKER_OPTIONS,
  ],
})
export class OperationsModule {}
