import { EventsModule } from '../events/events.module';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { GlobalsModule } from '../globals/globals.module';
import { MpfModule } from '../mpf/mpf.module';
import { PlanModule } from '../plan/plan.module';
import { AccountAccess } from './account/account-access';
import { AccountOperations } from './account/account-operations';
import { Account } from './account/account.entity';
import { SignupChecks } from './account/signup-checks';
import { SignupVerification } from './account/signup-verification';
import { GetAccountUseCase } from './account/use-cases/get-account.use-case';
import { SignupAccountUseCase } from './account/use-cases/signup-account.use-case';
import { AddressBook } from './addressing/address-book';
import { DomainOperations } from './addressing/domain-operations';
import { SmtpDomainsUseCase } from './addressing/use-cases/smtp-domains.use-case';
import { VerifySmtpDomainUseCase } from './addressing/use-cases/verify-smtp-domain.use-case';
import { DomainClaims } from './addressing/domain-claims';
import { ReservedDomains } from './addressing/domain-name/reserved-domains';
import { DomainVerificationJob } from './addressing/verification/domain-verification.job';
import { DnsTxtLookup } from './addressing/verification/dns-txt-lookup';
import { TXT_LOOKUP } from './addressing/verification/txt-lookup.port';
import { SmtpAddress } from './addressing/smtp-address.entity';
import { SmtpDomain } from './addressing/smtp-domain.entity';
import { ApprovalExpiryJob } from './approval/approval-expiry.job';
import { ApprovalRequest } from './approval/approval-request.entity';
import { ApprovalRequests } from './approval/approval-requests';
import { DecideApprovalUseCase } from './approval/use-cases/decide-approval.use-case';
import { ApprovalDecisions } from './approval/approval-decisions';
import { ListApprovalsUseCase } from './approval/use-cases/list-approvals.use-case';
import { ContactOperations } from './contact/contact-operations';
import { Contact } from './contact/contact.entity';
import { ContactsUseCase } from './contact/use-cases/contacts.use-case';
import { DistributionList } from './distribution-list/distribution-list.entity';
import { ListOperations } from './distribution-list/list-operations';
import { DistributionListsUseCase } from './distribution-list/use-cases/distribution-lists.use-case';
import { PublicFolderUseCase } from './public-folder/public-folder';
import { LifecycleOperations } from './lifecycle/lifecycle-operations';
import { PlanFit } from './lifecycle/plan-fit';
import { AccountLifecycleUseCase } from './lifecycle/use-cases/account-lifecycle.use-case';
import { AccountUsageUseCase } from './lifecycle/use-cases/account-usage.use-case';
import { MailboxImport, MailboxImportRow } from './mailbox-import/mailbox-import.entity';
import { ImportMailboxesUseCase } from './mailbox-import/use-cases/import-mailboxes.use-case';
import { MailboxImportStatus } from './mailbox-import/use-cases/mailbox-import-status';
import { MailboxAccess } from './mailbox/mailbox-access';
import { MailboxCreator } from './mailbox/mailbox-creator';
import { MailboxLimits } from './mailbox/mailbox-limits';
import { MailboxOperations } from './mailbox/mailbox-operations';
import { Mailbox } from './mailbox/mailbox.entity';
import { ChangeMailboxUseCase } from './mailbox/use-cases/change-mailbox.use-case';
import { CreateMailboxUseCase } from './mailbox/use-cases/create-mailbox.use-case';
import { DeleteMailboxUseCase } from './mailbox/use-cases/delete-mailbox.use-case';
import { GetMailboxesUseCase } from './mailbox/use-cases/get-mailboxes.use-case';
import { MailboxUsageUseCase } from './mailbox/use-cases/mailbox-usage.use-case';
import { DriftInspector } from './drift/drift-inspector';
import { DriftRepairOperation } from './drift/drift-repair.operation';
import { DriftUseCase } from './drift/drift.use-case';
import { OperationsModule } from './operations/operations.module';
import { OrganizationProvisionOperation } from './provisioning/organization-provision.operation';

const USE_CASES = [
  SignupAccountUseCase,
  GetAccountUseCase,
  DecideApprovalUseCase,
  ApprovalDecisions,
  ListApprovalsUseCase,
  CreateMailboxUseCase,
  GetMailboxesUseCase,
  ChangeMailboxUseCase,
  DeleteMailboxUseCase,
  MailboxUsageUseCase,
  SmtpDomainsUseCase,
  VerifySmtpDomainUseCase,
  AccountLifecycleUseCase,
  AccountUsageUseCase,
  ContactsUseCase,
  DistributionListsUseCase,
  PublicFolderUseCase,
  ImportMailboxesUseCase,
  MailboxImportStatus,
  DriftUseCase,
];

/** Customer accounts and their Exchange organizations, provisioned through the operations engine. */
@Module({
  imports: [
    EventsModule,
    TypeOrmModule.forFeature([
      Account,
      ApprovalRequest,
      SmtpDomain,
      SmtpAddress,
      Mailbox,
      Contact,
      DistributionList,
      MailboxImport,
      MailboxImportRow,
    ]),
    AuditModule,
    GlobalsModule,
    MpfModule,
    PlanModule,
    OperationsModule,
  ],
  providers: [
    AccountAccess,
    AccountOperations,
    AddressBook,
    ReservedDomains,
    DomainClaims,
    DomainVerificationJob,
    { provide: TXT_LOOKUP, useClass: DnsTxtLookup },
    ApprovalRequests,
    ApprovalExpiryJob,
    SignupChecks,
    SignupVerification,
    MailboxAccess,
    MailboxLimits,
    MailboxCreator,
    OrganizationProvisionOperation,
    MailboxOperations,
    DomainOperations,
    LifecycleOperations,
    PlanFit,
    ContactOperations,
    ListOperations,
    DriftInspector,
    DriftRepairOperation,
    ...USE_CASES,
  ],
  exports: [...USE_CASES, ApprovalRequests],
})
export class ExchangeModule {}
