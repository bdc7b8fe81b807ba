import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError } from '../shared/errors/domain.error';
import { ErrorCode } from '../shared/errors/error-code.enum';
import { GlobalSettingsStore } from './global-settings.store';

/** Refuses what needs the Exchange platform while it is off in Globals (Plans → Globals → Hosting Platforms). */
@Injectable()
export class PlatformGate {
  constructor(private readonly settings: GlobalSettingsStore) {}

  async requireEnabled(action: string, manager?: EntityManager): Promise<void> {
    const { exchangeHostingEnabled } = await this.settings.read(manager);
    if (!exchangeHostingEnabled) {
      throw new DomainError(
        ErrorCode.PLATFORM_DISABLED,
        `Exchange hosting is disabled in Globals: enable it before you ${action}`,
      );
    }
  }
}
