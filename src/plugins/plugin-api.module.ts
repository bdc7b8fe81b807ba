import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { AuditModule } from '../modules/audit/audit.module';
import { GlobalsModule } from '../modules/globals/globals.module';
import { AuditController } from './controllers/audit.controller';
import { GlobalsController } from './controllers/globals.controller';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { PluginSignatureGuard } from './signature/plugin-signature.guard';

/** The host panel's HTTP plugin API: signed routes, thin controllers, problem+json errors. */
@Module({
  imports: [GlobalsModule, AuditModule],
  controllers: [GlobalsController, AuditController],
  providers: [
    { provide: APP_GUARD, useClass: PluginSignatureGuard },
    { provide: APP_FILTER, useClass: ProblemDetailsFilter },
  ],
})
export class PluginApiModule {}
