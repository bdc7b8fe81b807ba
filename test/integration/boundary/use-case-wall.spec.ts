import { SignupAccountUseCase } from '../../../src/modules/exchange/account/use-cases/signup-account.use-case';
import { SmtpDomainsUseCase } from '../../../src/modules/exchange/addressing/use-cases/smtp-domains.use-case';
import { ContactsUseCase } from '../../../src/modules/exchange/contact/use-cases/contacts.use-case';
import { DistributionListsUseCase } from '../../../src/modules/exchange/distribution-list/use-cases/distribution-lists.use-case';
import { ImportMailboxesUseCase } from '../../../src/modules/exchange/mailbox-import/use-cases/import-mailboxes.use-case';
import { ChangeMailboxUseCase } from '../../../src/modules/exchange/mailbox/use-cases/change-mailbox.use-case';
import { CreateMailboxUseCase } from '../../../src/modules/exchange/mailbox/use-cases/create-mailbox.use-case';
import { PublicFolderUseCase } from '../../../src/modules/exchange/public-folder/public-folder';
import { Actor } from '../../../src/modules/shared/actor';
import { DomainError } from '../../../src/modules/shared/errors/domain.error';
import { ErrorCode } from '../../../src/modules/shared/errors/error-code.enum';
import { SignupBed, STRONG_PASSWORD } from '../exchange/signup-kit';
import { snapshotState, stateDifferences } from '../../support/hostile-input/state-snapshot';

/** The hostile classes every string field must refuse (and `null`, unless the field documents it as "clear"). */
const HOSTILE: [label: string, value: string | null][] = [
  ['NUL', 'ab\u0000cd'],
  ['a C0 control', 'ab\u0008cd'],
  ['a line break', 'ab\ncd'],
  ['a C1 control', 'ab\u009bcd'],
  ['a lone surrogate', 'ab\ud800cd'],
  ['a right-to-left override', 'ab\u202ecd'],
  ['a zero-width space', 'ab\u200bcd'],
  ['null', null],
];

type Body = Record<string, unknown>;
interface Door {
  name: string;
  fields: string[];
  /** Fields where null is a documented value (not refused). */
  nullable?: string[];
  valid: () => Body;
  call: (body: Body) => Promise<unknown>;
}

/** Sets `path` (dotted) in a copy of the body. */
function withField(body: Body, path: string, value: unknown): Body {
  const [head, ...rest] = path.split('.');
  if (rest.length === 0) return { ...body, [head]: value };
  return { ...body, [head]: withField(body[head] as Body, rest.join('.'), value) };
}

/**
 * The use cases are the wall, whichever door calls them: called in-process (as the Slack bot and a host
 * application will), every create/edit use case refuses each hostile class in each of its string fields with
 * VALIDATION_FAILED naming that field, before any write: no operation, no audit row, no database change, no
 * MPF call, no AD change.
 */
describe('The use cases refuse hostile strings before anything is written (in-process, MariaDB)', () => {
  let bed: SignupBed;
  let acct: Awaited<ReturnType<SignupBed['activeAccount']>>;
  let planId: string;
  let listId: string;
  const doors: Door[] = [];

  beforeAll(async () => {
    bed = await SignupBed.start('mariadb');
    planId = await bed.plan({ publicFolder: true });
    acct = await bed.activeAccount(planId, 'wall');
    const list = await bed.app
      .signed('post', `/plugin/v1/accounts/${acct.id}/distribution-lists`, {
        name: 'Sales',
        localPart: 'sales',
        managedBy: `admin@${acct.domain}`,
      })
      .expect(202);
    listId = list.body.id as string;
    await bed.drain();

    const use = <T>(type: new (...args: never[]) => T): T => bed.app.app.get(type);
    const customer = new Actor('customer', acct.id);
    const mailbox = acct.adminMailboxId;
    const id = acct.id;
    doors.push(
      {
        name: 'signup',
        fields: [
          'organizationName',
          'primaryDomain',
          'admin.localPart',
          'admin.displayName',
          'admin.givenName',
          'admin.sn',
          'admin.password',
          'admin.mailingPlan',
        ],
        valid: () => ({
          ...bed.signup(planId, 'hostile'),
          admin: { ...bed.signup(planId, 'x').admin, mailingPlan: 'BaseMail' },
        }),
        call: (body) => use(SignupAccountUseCase).execute(body, new Actor('admin', 'alice')),
      },
      {
        name: 'mailbox create',
        fields: [
          'localPart',
          'domain',
          'displayName',
          'givenName',
          'middleName',
          'sn',
          'initials',
          'password',
          'mailingPlan',
        ],
        valid: () => ({
          localPart: 'carol',
          domain: acct.domain,
          displayName: 'Carol',
          givenName: 'Carol',
          middleName: 'C',
          sn: 'Smith',
          initials: 'CS',
          password: STRONG_PASSWORD,
          mailingPlan: 'BaseMail',
        }),
        call: (body) => use(CreateMailboxUseCase).execute(id, body, customer),
      },
      {
        name: 'mailbox edit',
        fields: ['displayName', 'givenName', 'middleName', 'sn', 'initials'],
        valid: () => ({ displayName: 'Ann', givenName: 'Ann', middleName: 'B', sn: 'Admin', initials: 'AA' }),
        call: (body) => use(ChangeMailboxUseCase).edit(id, mailbox, body, customer),
      },
      {
        name: 'mailbox password',
        fields: ['password'],
        valid: () => ({ password: 'An0ther-Pass!x' }),
        call: (body) => use(ChangeMailboxUseCase).setPassword(id, mailbox, body, customer),
      },
      {
        name: 'mailbox mailing plan',
        fields: ['mailingPlan'],
        valid: () => ({ mailingPlan: 'GoldMail' }),
        call: (body) => use(ChangeMailboxUseCase).changePlan(id, mailbox, body, customer),
      },
      {
        name: 'mailbox alias',
        fields: ['address'],
        valid: () => ({ address: `alias@${acct.domain}` }),
        call: (body) => use(ChangeMailboxUseCase).addAlias(id, mailbox, body, customer),
      },
      {
        name: 'mailbox forwarding',
        fields: ['forwardTo'],
        nullable: ['forwardTo'],
        valid: () => ({ forwardTo: `sales@${acct.domain}` }),
        call: (body) => use(ChangeMailboxUseCase).setForwarding(id, mailbox, body, customer),
      },
      {
        name: 'domain add',
        fields: ['domain', 'type'],
        valid: () => ({ domain: `second-${bed.tag}.test`, type: 'secondary' }),
        call: (body) => use(SmtpDomainsUseCase).add(id, body, customer),
      },
      {
        name: 'contact create',
        fields: ['name', 'address'],
        valid: () => ({ name: 'Partner', address: 'partner@outside.test' }),
        call: (body) => use(ContactsUseCase).create(id, body, customer),
      },
      {
        name: 'list create',
        fields: ['name', 'localPart', 'domain', 'managedBy'],
        valid: () => ({
          name: 'Support',
          localPart: 'support',
          domain: acct.domain,
          managedBy: `admin@${acct.domain}`,
        }),
        call: (body) => use(DistributionListsUseCase).create(id, body, customer),
      },
      {
        name: 'list member',
        fields: ['address'],
        valid: () => ({ address: `admin@${acct.domain}` }),
        call: (body) => use(DistributionListsUseCase).addMember(id, listId, body, customer),
      },
      {
        name: 'list manager',
        fields: ['managedBy'],
        valid: () => ({ managedBy: `admin@${acct.domain}` }),
        call: (body) => use(DistributionListsUseCase).setManager(id, listId, body, customer),
      },
      {
        name: 'public folder',
        fields: ['localPart', 'domain'],
        valid: () => ({ localPart: 'public', domain: acct.domain }),
        call: (body) => use(PublicFolderUseCase).create(id, body, customer),
      },
      {
        name: 'mailbox import',
        fields: ['csv'],
        valid: () => ({ csv: `localPart,displayName,password\ndave,Dave,${STRONG_PASSWORD}` }),
        call: (body) => use(ImportMailboxesUseCase).execute(id, body, customer),
      },
    );
  });
  afterAll(() => bed?.stop());

  it('refuses every hostile class in every string field of every create/edit use case, writing nothing', async () => {
    const before = await snapshotState(bed);
    const misses: string[] = [];
    let cases = 0;
    for (const door of doors) {
      for (const field of door.fields) {
        for (const [label, value] of HOSTILE) {
          if (value === null && door.nullable?.includes(field)) continue;
          cases++;
          const outcome = await door.call(withField(door.valid(), field, value)).then(
            () => 'accepted',
            (error: unknown) =>
              error instanceof DomainError && error.code === ErrorCode.VALIDATION_FAILED
                ? error.errors.every((e) => e.field === field)
                  ? null
                  : `refused naming ${error.errors.map((e) => e.field).join(', ')}`
                : `failed with ${error instanceof DomainError ? error.code : String(error)}`,
          );
          if (outcome) misses.push(`${door.name} / ${field} / ${label}: ${outcome}`);
        }
      }
    }
    expect(cases).toBeGreaterThan(300);
    expect(misses).toEqual([]);
    expect(stateDifferences(before, await snapshotState(bed))).toEqual([]);
  });

  it('lets no id that differs only in case reach an account (MariaDB compares ids case-insensitively)', async () => {
    const upper = acct.id.toUpperCase();
    expect(upper).not.toBe(acct.id);
    const asLookalike = { actor: `customer:${upper}` };
    await bed.app.signed('get', `/plugin/v1/accounts/${upper}`, undefined, asLookalike).expect(404);
    await bed.app.signed('get', `/plugin/v1/accounts/${upper}/mailboxes`, undefined, asLookalike).expect(404);
    await bed.app
      .signed('get', `/plugin/v1/accounts/${upper}`, undefined, { actor: 'admin:ada' })
      .expect(404);
    await bed.app
      .signed('get', `/plugin/v1/accounts/${acct.id}`, undefined, { actor: 'admin:ada' })
      .expect(200);
  });

  it('accepts the same bodies without the hostile value (the cases above test the field, not a broken body)', async () => {
    const door = doors.find((d) => d.name === 'contact create')!;
    await expect(door.call(door.valid())).resolves.toMatchObject({ status: 'provisioning' });
  });
});
