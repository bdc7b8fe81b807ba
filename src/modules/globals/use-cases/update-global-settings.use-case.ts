import { Authorize } from '../../policy/authorize.decorator';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '../../audit/audit-log';
import type { Actor } from '../../shared/actor';
import { DomainError } from '../../shared/errors/domain.error';
import { validateInput } from '../../shared/validation/validate-input';
import type { GlobalSettingsResponseDto } from '../dto/global-settings-response.dto';
import { GlobalSettingsUpdateDto } from '../dto/global-settings-update.dto';
import { GLOBAL_SETTING_KEYS, type GlobalSettings } from '../global-settings';
import { GlobalSettingsStore } from '../global-settings.store';

/** Changes platform settings; the change and its audit entry (before, after, who) commit together. */
@Injectable()
export class UpdateGlobalSettingsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: GlobalSettingsStore,
    private readonly audit: AuditLog,
  ) {}

  @Authorize('globals.update')
  async execute(input: unknown, actor: Actor): Promise<GlobalSettingsResponseDto> {
    const update = await validateInput(GlobalSettingsUpdateDto, input);
    const requested = Object.fromEntries(
      GLOBAL_SETTING_KEYS.filter((key) => update[key] !== undefined).map((key) => [key, update[key]]),
    ) as Partial<GlobalSettings>;
    if (Object.keys(requested).length === 0) {
      throw DomainError.validation([
        {
          field: '(body)',
          rule: 'notEmpty',
          message: `name at least one of ${GLOBAL_SETTING_KEYS.join(', ')}`,
        },
      ]);
    }

    return this.dataSource.transaction(async (manager) => {
      const before = await this.store.read(manager);
      const changed = GLOBAL_SETTING_KEYS.filter((key) => key in requested && requested[key] !== before[key]);
      if (changed.length === 0) return before;

      const pick = (settings: GlobalSettings) =>
        Object.fromEntries(changed.map((key) => [key, settings[key]]));
      const after: GlobalSettings = { ...before, ...requested };
      await this.store.write(pick(after), actor, manager);
      await this.audit.record(
        {
          actor,
          action: 'globals.update',
          targetType: 'globals',
          targetId: 'platform',
          before: pick(before),
          after: pick(after),
        },
        manager,
      );
      return after;
    });
  }
}
