import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { GlobalSetting } from './global-setting.entity';
import { GlobalSettingsStore } from './global-settings.store';
import { PlatformGate } from './platform-gate';
import { GetGlobalSettingsUseCase } from './use-cases/get-global-settings.use-case';
import { UpdateGlobalSettingsUseCase } from './use-cases/update-global-settings.use-case';

@Module({
  imports: [TypeOrmModule.forFeature([GlobalSetting]), AuditModule],
  providers: [GlobalSettingsStore, GetGlobalSettingsUseCase, UpdateGlobalSettingsUseCase, PlatformGate],
  exports: [GlobalSettingsStore, GetGlobalSettingsUseCase, UpdateGlobalSettingsUseCase, PlatformGate],
})
export class GlobalsModule {}
