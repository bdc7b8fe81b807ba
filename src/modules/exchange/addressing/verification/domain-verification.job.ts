import { Actor } from '../../../shared/actor';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_CONFIG_KEY, type AppConfig } from '../../../globals/config/app-config';
import {
  OPERATIONS_WORKER_OPTIONS,
  type OperationsWorkerOptions,
} from '../../operations/operations-worker.options';
import { VerifySmtpDomainUseCase } from '../use-cases/verify-smtp-domain.use-case';

/**
 * Re-checks pending domains every DOMAIN_VERIFICATION_CHECK_SECONDS (in the processes that run the operations
 * worker): a published record verifies its domain, a claim past DOMAIN_VERIFICATION_EXPIRY_HOURS expires.
 */
/** The actor this job acts as (the policy lets only `system` re-check pending domains). */
const JOB = new Actor('system', 'domain-verification');

@Injectable()
export class DomainVerificationJob implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(DomainVerificationJob.name);
  private readonly everyMs: number;
  private timer: NodeJS.Timeout | undefined;
  private running = false;

  constructor(
    private readonly verification: VerifySmtpDomainUseCase,
    @Inject(OPERATIONS_WORKER_OPTIONS) private readonly options: OperationsWorkerOptions,
    config: ConfigService,
  ) {
    this.everyMs = config.getOrThrow<AppConfig>(APP_CONFIG_KEY).domains.checkEveryMs;
  }

  onApplicationBootstrap(): void {
    if (!this.options.autoStart) return;
    this.timer = setInterval(() => void this.tick(), this.everyMs);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /** One round (skipped while the previous one still runs: lookups can be slow). */
  async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      const { verified, expired } = await this.verification.recheckPending(JOB);
      if (verified + expired > 0) {
        this.logger.log(`Domain verification: ${verified} verified, ${expired} claim(s) expired`);
      }
    } catch (error) {
      this.logger.error(`Domain verification: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.running = false;
    }
  }
}
