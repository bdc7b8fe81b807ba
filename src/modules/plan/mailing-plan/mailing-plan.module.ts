import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../../audit/audit.module';
import { MailingPlan } from './mailing-plan.entity';
import { MailingPlanStore } from './mailing-plan.store';
import { ArchiveMailingPlanUseCase } from './use-cases/archive-mailing-plan.use-case';
import { CreateMailingPlanUseCase } from './use-cases/create-mailing-plan.use-case';
import { ExportMailingPlansUseCase } from './use-cases/export-mailing-plans.use-case';
import { GetMailingPlanUseCase } from './use-cases/get-mailing-plan.use-case';
import { ImportMailingPlansUseCase } from './use-cases/import-mailing-plans.use-case';
import { ListMailingPlansUseCase } from './use-cases/list-mailing-plans.use-case';
import { UpdateMailingPlanUseCase } from './use-cases/update-mailing-plan.use-case';

const USE_CASES = [
  ListMailingPlansUseCase,
  GetMailingPlanUseCase,
  CreateMailingPlanUseCase,
  UpdateMailingPlanUseCase,
  ArchiveMailingPlanUseCase,
  ImportMailingPlansUseCase,
  ExportMailingPlansUseCase,
];

/** The mailing-plan catalogue (BaseMail, GoldMail, …), its import from H-Sphere XML or JSON and its export. */
@Module({
  imports: [TypeOrmModule.forFeature([MailingPlan]), AuditModule],
  providers: [MailingPlanStore, ...USE_CASES],
  exports: [MailingPlanStore, ...USE_CASES],
})
export class MailingPlanModule {}
