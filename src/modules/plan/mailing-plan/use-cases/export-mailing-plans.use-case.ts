import type { Actor } from '../../../shared/actor';
import { Authorize } from '../../../policy/authorize.decorator';
import { Injectable } from '@nestjs/common';
import { validateInput } from '../../../shared/validation/validate-input';
import { MailingPlanExportQueryDto } from '../dto/mailing-plan-export-query.dto';
import { writeHsphereXml } from '../export/hsphere-xml.writer';
import { MailingPlanStore } from '../mailing-plan.store';

/**
 * The catalogue as H-Sphere's mailing-plan file, by name: every value under H-Sphere's feature names, units and
 * conventions, and the kept unmapped features as they came. Importing it gives the same plans. Archived plans
 * only when asked for (an import brings them back as offered plans).
 */
@Injectable()
export class ExportMailingPlansUseCase {
  constructor(private readonly store: MailingPlanStore) {}

  @Authorize('mailingPlan.export')
  async execute(input: unknown, _actor: Actor): Promise<string> {
    const query = await validateInput(MailingPlanExportQueryDto, input);
    return writeHsphereXml(await this.store.list(query.includeArchived));
  }
}
