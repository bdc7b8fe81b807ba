import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { GlobalSetting } from './global-setting.entity';
import { GlobalSettingsStore } from './global-settings.store';
import { GetGlobalSettingsUseCase } from './use-cases/get-global-settings.use-case';
import { UpdateGlobalSettingsUseCase } from './use-cases/update-global-settings.use-case';

@Module({
  imports: [TypeOrmModule.forFeature([GlobalSetting]), AuditModule],
  providers: [GlobalSettingsStore, GetGlobalSettingsUseCase, UpdateGlobalSettingsUseCase],
  exports: [GlobalSettingsStore, GetGlobalSettingsUseCase, UpdateGlobalSettingsUseCase],
})
export class GlobalsModule {}
