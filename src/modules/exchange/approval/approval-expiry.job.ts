import { Actor } from '../../shared/actor';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import {
  OPERATIONS_WORKER_OPTIONS,
  type OperationsWorkerOptions,
} from '../operations/operations-worker.options';
import { DecideApprovalUseCase } from './use-cases/decide-approval.use-case';

const EVERY_MS = 60_000;

/** The actor this job acts as (the policy lets `system` expire due approvals). */
const JOB = new Actor('system', 'approval-expiry');

/** Expires overdue approval requests once a minute, in the processes that run the operations worker. */
@Injectable()
export class ApprovalExpiryJob implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ApprovalExpiryJob.name);
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly decide: DecideApprovalUseCase,
    @Inject(OPERATIONS_WORKER_OPTIONS) private readonly options: OperationsWorkerOptions,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.options.autoStart) return;
    this.timer = setInterval(() => void this.tick(), EVERY_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  private async tick(): Promise<void> {
    try {
      const expired = await this.decide.expireDue(JOB);
      if (expired > 0) this.logger.log(`Expired ${expired} approval request(s)`);
    } catch (error) {
      this.logger.error(`Approval expiry: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
