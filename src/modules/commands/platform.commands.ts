import { CreateMailingPlanUseCase } from '../plan/mailing-plan/use-cases/create-mailing-plan.use-case';
import { UpdateMailingPlanUseCase } from '../plan/mailing-plan/use-cases/update-mailing-plan.use-case';
import { ArchiveMailingPlanUseCase } from '../plan/mailing-plan/use-cases/archive-mailing-plan.use-case';
import { ImportMailingPlansUseCase } from '../plan/mailing-plan/use-cases/import-mailing-plans.use-case';
import { ArchivePlanUseCase } from '../plan/plan/use-cases/archive-plan.use-case';
import { ClonePlanUseCase } from '../plan/plan/use-cases/clone-plan.use-case';
import { CreatePlanUseCase } from '../plan/plan/use-cases/create-plan.use-case';
import { SetSignupAccessUseCase } from '../plan/plan/use-cases/set-signup-access.use-case';
import { UpdatePlanUseCase } from '../plan/plan/use-cases/update-plan.use-case';
import { UpdateGlobalSettingsUseCase } from '../globals/use-cases/update-global-settings.use-case';
import { SaveMpfConnectionUseCase } from '../mpf/connection/use-cases/save-mpf-connection.use-case';
import { TestMpfConnectionUseCase } from '../mpf/connection/use-cases/test-mpf-connection.use-case';
import { command, commandWithBody } from './command';
import { IdInput } from './command-inputs.dto';

/** Globals, the MPF connection, the mailing-plan catalogue and Hosted Exchange plans. */
export const PLATFORM_COMMANDS = {
  'globals.update': commandWithBody(null, (use, i, actor) =>
    use(UpdateGlobalSettingsUseCase).execute(i.body, actor),
  ),
  'mpfConnection.save': commandWithBody(null, (use, i, actor) =>
    use(SaveMpfConnectionUseCase).execute(i.body, actor),
  ),
  'mpfConnection.test': command(null, (use, _i, actor) => use(TestMpfConnectionUseCase).execute(actor)),
  'mailingPlan.create': commandWithBody(null, (use, i, actor) =>
    use(CreateMailingPlanUseCase).execute(i.body, actor),
  ),
  'mailingPlan.update': commandWithBody(IdInput, (use, i, actor) =>
    use(UpdateMailingPlanUseCase).execute(i.id, i.body, actor),
  ),
  'mailingPlan.archive': command(IdInput, (use, i, actor) =>
    use(ArchiveMailingPlanUseCase).execute(i.id, actor),
  ),
  'mailingPlan.import': commandWithBody(null, (use, i, actor) =>
    use(ImportMailingPlansUseCase).execute(i.body, actor),
  ),
  'plan.create': commandWithBody(null, (use, i, actor) => use(CreatePlanUseCase).execute(i.body, actor)),
  'plan.update': commandWithBody(IdInput, (use, i, actor) =>
    use(UpdatePlanUseCase).execute(i.id, i.body, actor),
  ),
  'plan.clone': commandWithBody(IdInput, (use, i, actor) =>
    use(ClonePlanUseCase).execute(i.id, i.body, actor),
  ),
  'plan.setSignupAccess': commandWithBody(IdInput, (use, i, actor) =>
    use(SetSignupAccessUseCase).execute(i.id, i.body, actor),
  ),
  'plan.archive': command(IdInput, (use, i, actor) => use(ArchivePlanUseCase).execute(i.id, actor)),
};
