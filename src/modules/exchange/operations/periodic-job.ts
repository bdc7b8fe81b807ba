import { Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';

/**
 * Work that runs every `everyMs` in the processes that run the operations worker (`autoStart`). A round is
 * skipped while the previous one still runs; a failed round is logged and the next one tries again.
 */
export abstract class PeriodicJob implements OnApplicationBootstrap, OnModuleDestroy {
  protected readonly logger: Logger;
  private timer: NodeJS.Timeout | undefined;
  private running = false;

  protected constructor(
    private readonly label: string,
    private readonly everyMs: number,
    private readonly autoStart: boolean,
  ) {
    this.logger = new Logger(label);
  }

  onApplicationBootstrap(): void {
    if (!this.autoStart) return;
    this.timer = setInterval(() => void this.tick(), this.everyMs);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /** One round now. */
  async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      await this.round();
    } catch (error) {
      this.logger.error(`${this.label}: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.running = false;
    }
  }

  protected abstract round(): Promise<void>;
}
