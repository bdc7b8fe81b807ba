import { Module } from '@nestjs/common';
import { ExchangeModule } from '../exchange/exchange.module';
import { GlobalsModule } from '../globals/globals.module';
import { MpfModule } from '../mpf/mpf.module';
import { PlanModule } from '../plan/plan.module';
import { ConfigService } from '@nestjs/config';
import { APPROVED_COMMAND_RUNNER } from '../exchange/approval/approved-command.runner';
import { AuditModule } from '../audit/audit.module';
import { ApprovalRules } from './approval-rules';
import { ApprovedCommands } from './approved-commands';
import { CommandApprovals } from './command-approvals';
import { COMMANDS, CommandBus } from './command-bus';

/** The command dispatcher, over the modules whose use cases it runs. */
@Module({
  imports: [GlobalsModule, AuditModule, MpfModule, PlanModule, ExchangeModule],
  providers: [
    CommandBus,
    CommandApprovals,
    ApprovedCommands,
    { provide: APPROVED_COMMAND_RUNNER, useExisting: ApprovedCommands },
    {
      provide: ApprovalRules,
      useFactory: (config: ConfigService) => new ApprovalRules(config, Object.keys(COMMANDS)),
      inject: [ConfigService],
    },
  ],
  exports: [CommandBus],
})
export class CommandsModule {}
