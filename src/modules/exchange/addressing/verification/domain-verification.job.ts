import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_CONFIG_KEY, type AppConfig } from '../../../globals/config/app-config';
import { Actor } from '../../../shared/actor';
import {
  OPERATIONS_WORKER_OPTIONS,
  type OperationsWorkerOptions,
} from '../../operations/operations-worker.options';
import { PeriodicJob } from '../../operations/periodic-job';
import { VerifySmtpDomainUseCase } from '../use-cases/verify-smtp-domain.use-case';

/** The actor this job acts as (the policy lets only `system` re-check pending domains). */
const JOB = new Actor('system', 'domain-verification');

/**
 * Re-checks pending domains every DOMAIN_VERIFICATION_CHECK_SECONDS (in the processes that run the operations
 * worker): a published record verifies its domain, a claim past DOMAIN_VERIFICATION_EXPIRY_HOURS expires.
 */
@Injectable()
export class DomainVerificationJob extends PeriodicJob {
  constructor(
    private readonly verification: VerifySmtpDomainUseCase,
    @Inject(OPERATIONS_WORKER_OPTIONS) options: OperationsWorkerOptions,
    config: ConfigService,
  ) {
    super(
      'Domain verification',
      config.getOrThrow<AppConfig>(APP_CONFIG_KEY).domains.checkEveryMs,
      options.autoStart,
    );
  }

  protected async round(): Promise<void> {
    const { verified, expired } = await this.verification.recheckPending(JOB);
    if (verified + expired > 0) {
      this.logger.log(`Domain verification: ${verified} verified, ${expired} claim(s) expired`);
    }
  }
}
