import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { AuditModule } from './modules/audit/audit.module';
import { APP_CONFIG_KEY } from './modules/globals/config/app-config';
import { loadAppConfig } from './modules/globals/config/load-app-config';
import { DatabaseModule } from './modules/globals/database/database.module';
import { GlobalsModule } from './modules/globals/globals.module';
import { HealthModule } from './modules/health/health.module';
import { SharedModule } from './modules/shared/shared.module';
import { PluginApiModule } from './plugins/plugin-api.module';

@Module({})
export class AppModule {
  /** The whole service, configured from `env` (the process environment by default). */
  static forRoot(env: NodeJS.ProcessEnv = process.env): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot({
          isGlobal: true,
          ignoreEnvFile: true,
          validatePredefined: false,
          skipProcessEnv: true,
          load: [() => ({ [APP_CONFIG_KEY]: loadAppConfig(env) })],
        }),
        SharedModule,
        DatabaseModule,
        AuditModule,
        GlobalsModule,
        HealthModule,
        PluginApiModule,
      ],
    };
  }
}
