import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import type { Actor } from '../shared/actor';
import { CLOCK, type Clock } from '../shared/clock/clock.port';
import { GlobalSetting } from './global-setting.entity';
import { GLOBAL_SETTING_DEFAULTS, GLOBAL_SETTING_KEYS, type GlobalSettings } from './global-settings';

/** Reads and writes the settings rows; a key never written reads as its default. */
@Injectable()
export class GlobalSettingsStore {
  constructor(
    @InjectRepository(GlobalSetting) private readonly rows: Repository<GlobalSetting>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async read(manager: EntityManager = this.rows.manager): Promise<GlobalSettings> {
    const stored = await manager.find(GlobalSetting);
    const settings: GlobalSettings = { ...GLOBAL_SETTING_DEFAULTS };
    for (const row of stored) {
      if ((GLOBAL_SETTING_KEYS as string[]).includes(row.key))
        Object.assign(settings, { [row.key]: row.value });
    }
    return settings;
  }

  async write(changes: Partial<GlobalSettings>, actor: Actor, manager: EntityManager): Promise<void> {
    const updatedAt = this.clock.now();
    const rows = Object.entries(changes).map(([key, value]) => ({
      key,
      value,
      updatedAt,
      updatedBy: actor.toString(),
    }));
    await manager.upsert(GlobalSetting, rows, ['key']);
  }
}
