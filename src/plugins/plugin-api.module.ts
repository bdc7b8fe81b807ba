import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { AuditModule } from '../modules/audit/audit.module';
import { CommandsModule } from '../modules/commands/commands.module';
import { GlobalsModule } from '../modules/globals/globals.module';
import { MpfModule } from '../modules/mpf/mpf.module';
import { PlanModule } from '../modules/plan/plan.module';
import { AuditController } from './controllers/audit.controller';
import { GlobalsController } from './controllers/globals.controller';
import { MailingPlansController } from './controllers/mailing-plans.controller';
import { MpfConnectionController } from './controllers/mpf-connection.controller';
import { PlanEstimatesController } from './controllers/plan-estimates.controller';
import { PlansController } from './controllers/plans.controller';
import { OperationsModule } from '../modules/exchange/operations/operations.module';
import { OperationsController } from './controllers/operations.controller';
import { ExchangeModule } from '../modules/exchange/exchange.module';
import { AccountLifecycleController } from './controllers/account-lifecycle.controller';
import { AccountsController } from './controllers/accounts.controller';
import { ApprovalsController } from './controllers/approvals.controller';
import { MailboxesController } from './controllers/mailboxes.controller';
import { SmtpDomainsController } from './controllers/smtp-domains.controller';
import { ContactsController } from './controllers/contacts.controller';
import { DistributionListsController } from './controllers/distribution-lists.controller';
import { PublicFolderController } from './controllers/public-folder.controller';
import { MailboxImportsController } from './controllers/mailbox-imports.controller';
import { DriftController } from './controllers/drift.controller';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { PluginSignatureGuard } from './signature/plugin-signature.guard';

/** The host panel's HTTP plugin API: signed routes, thin controllers, problem+json errors. */
@Module({
  imports: [
    GlobalsModule,
    AuditModule,
    MpfModule,
    PlanModule,
    OperationsModule,
    ExchangeModule,
    CommandsModule,
  ],
  controllers: [
    GlobalsController,
    AuditController,
    MpfConnectionController,
    MailingPlansController,
    PlansController,
    PlanEstimatesController,
    OperationsController,
    AccountsController,
    AccountLifecycleController,
    ApprovalsController,
    MailboxesController,
    SmtpDomainsController,
    ContactsController,
    DistributionListsController,
    PublicFolderController,
    MailboxImportsController,
    DriftController,
  ],
  providers: [
    { provide: APP_GUARD, useClass: PluginSignatureGuard },
    { provide: APP_FILTER, useClass: ProblemDetailsFilter },
  ],
})
export class PluginApiModule {}
