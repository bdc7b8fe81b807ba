import { Initial1764057600000 } from './1764057600000-initial';
import { MpfConnection1764144000000 } from './1764144000000-mpf-connection';
import { MailingPlans1764230400000 } from './1764230400000-mailing-plans';
import { Plans1764230500000 } from './1764230500000-plans';
import { Operations1764316800000 } from './1764316800000-operations';
import { Accounts1764403200000 } from './1764403200000-accounts';
import { ExchangeObjects1764489600000 } from './1764489600000-exchange-objects';
import { MailingPlanExtraFeatures1764576000000 } from './1764576000000-mailing-plan-extra-features';
import { DomainOwnership1764662400000 } from './1764662400000-domain-ownership';
import { CommandApprovals1764748800000 } from './1764748800000-command-approvals';
import { OutboxEvents1764835200000 } from './1764835200000-outbox-events';
import { ImportRowOperation1764921600000 } from './1764921600000-import-row-operation';

/** Every migration, in order. A new migration is added here and never edited once released. */
export const MIGRATIONS = [
  Initial1764057600000,
  MpfConnection1764144000000,
  MailingPlans1764230400000,
  Plans1764230500000,
  Operations1764316800000,
  Accounts1764403200000,
  ExchangeObjects1764489600000,
  MailingPlanExtraFeatures1764576000000,
  DomainOwnership1764662400000,
  CommandApprovals1764748800000,
  OutboxEvents1764835200000,
  ImportRowOperation1764921600000,
];
