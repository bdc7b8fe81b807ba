import { Inject, Injectable } from '@nestjs/common';
import { Actor } from '../../shared/actor';
import {
  OPERATIONS_WORKER_OPTIONS,
  type OperationsWorkerOptions,
} from '../operations/operations-worker.options';
import { PeriodicJob } from '../operations/periodic-job';
import { DecideApprovalUseCase } from './use-cases/decide-approval.use-case';

const EVERY_MS = 60_000;

/** The actor this job acts as (the policy lets `system` expire due approvals). */
const JOB = new Actor('system', 'approval-expiry');

/** Expires overdue approval requests once a minute, in the processes that run the operations worker. */
@Injectable()
export class ApprovalExpiryJob extends PeriodicJob {
  constructor(
    private readonly decide: DecideApprovalUseCase,
    @Inject(OPERATIONS_WORKER_OPTIONS) options: OperationsWorkerOptions,
  ) {
    super('Approval expiry', EVERY_MS, options.autoStart);
  }

  protected async round(): Promise<void> {
    const expired = await this.decide.expireDue(JOB);
    if (expired > 0) this.logger.log(`Expired ${expired} approval request(s)`);
  }
}
