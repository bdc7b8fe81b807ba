import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { GlobalsModule } from '../globals/globals.module';
import { MpfModule } from '../mpf/mpf.module';
import { PlanModule } from '../plan/plan.module';
import { Account } from './account/account.entity';
import { SignupChecks } from './account/signup-checks';
import { GetAccountUseCase } from './account/use-cases/get-account.use-case';
import { SignupAccountUseCase } from './account/use-cases/signup-account.use-case';
import { OperationsModule } from './operations/operations.module';
import { OrganizationProvisionOperation } from './provisioning/organization-provision.operation';

/** Customer accounts and their Exchange organizations, provisioned through the operations engine. */
@Module({
  imports: [
    TypeOrmModule.forFeature([Account]),
    AuditModule,
    GlobalsModule,
    MpfModule,
    PlanModule,
    OperationsModule,
  ],
  providers: [SignupChecks, OrganizationProvisionOperation, SignupAccountUseCase, GetAccountUseCase],
  exports: [SignupAccountUseCase, GetAccountUseCase],
})
export class ExchangeModule {}
