import { Authorize } from '../../policy/authorize.decorator';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { DataSource, type EntityManager } from 'typeorm';
import { PlatformGate } from '../../globals/platform-gate';
import type { Plan } from '../../plan/plan/plan.entity';
import { ExchangeGateway } from '../../mpf/connection/exchange-gateway';
import type { Actor } from '../../shared/actor';
import { CLOCK, type Clock } from '../../shared/clock/clock.port';
import { DomainError } from '../../shared/errors/domain.error';
import { ErrorCode } from '../../shared/errors/error-code.enum';
import { validateInput } from '../../shared/validation/validate-input';
import { AccountAccess } from '../account/account-access';
import { AccountOperations } from '../account/account-operations';
import { Account } from '../account/account.entity';
import { AccountResponseDto } from '../account/dto/account-response.dto';
import { AddressBook, addressOf } from '../addressing/address-book';
import { IsLocalPart, IsOptionalOrgDomain } from '../mailbox/dto/mailbox-field.decorators';
import type { OperationOutcome } from '../operations/operation-definition';
import { OperationRegistry } from '../operations/operation.registry';
import { idempotentMpfCall, MPF_ALREADY_EXISTS, MPF_NO_SUCH_OBJECT } from '../provisioning/directory-checks';

export const PUBLIC_FOLDER_CREATE = 'publicFolder.create';
export const PUBLIC_FOLDER_DELETE = 'publicFolder.delete';

export class PublicFolderCreateDto {
  @ApiProperty({ example: 'public', description: "The public folder's mailbox name" })
  @IsLocalPart()
  localPart!: string;

  @IsOptionalOrgDomain()
  domain?: string;
}

interface PublicFolderInput extends Record<string, unknown> {
  accountId: string;
  orgDn: string;
  organizationName: string;
  /** `<mailbox>@<domain>`. */
  folder: string;
}

const parts = (folder: string) => {
  const at = folder.lastIndexOf('@');
  return { mailbox: folder.slice(0, at), domain: folder.slice(at + 1) };
};

/**
 * The organization's public folder (one per organization): created when the plan allows one and gives it a
 * public store; deleted on request. Account-level operations, so nothing else of the account runs meanwhile.
 */
@Injectable()
export class PublicFolderUseCase implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly gate: PlatformGate,
    private readonly accounts: AccountAccess,
    private readonly addresses: AddressBook,
    private readonly registry: OperationRegistry,
    private readonly gateway: ExchangeGateway,
    private readonly accountOperations: AccountOperations,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    const open = () => this.gateway.open();
    this.registry.register<PublicFolderInput>({
      kind: PUBLIC_FOLDER_CREATE,
      steps: [
        {
          name: 'createPublicFolder',
          async run({ input }) {
            const link = await open();
            const { mailbox, domain } = parts(input.folder);
            await idempotentMpfCall(
              () => link.mpf.createPublicFolder(input.orgDn, mailbox, domain),
              MPF_ALREADY_EXISTS,
            );
          },
        },
      ],
      onFinished: (outcome, manager) => this.settle(outcome, manager, true),
    });
    this.registry.register<PublicFolderInput>({
      kind: PUBLIC_FOLDER_DELETE,
      steps: [
        {
          name: 'deletePublicFolder',
          async run({ input }) {
            const link = await open();
            const { domain } = parts(input.folder);
            await idempotentMpfCall(
              () => link.mpf.deletePublicFolder(input.orgDn, input.organizationName, domain),
              MPF_NO_SUCH_OBJECT,
            );
          },
        },
      ],
      onFinished: (outcome, manager) => this.settle(outcome, manager, false),
    });
  }

  @Authorize('publicFolder.create', { account: 0 })
  async create(accountId: string, body: unknown, actor: Actor): Promise<AccountResponseDto> {
    const dto = await validateInput(PublicFolderCreateDto, body);
    const found = await this.accounts.find(accountId, actor, this.dataSource.manager);
    const wanted = addressOf(dto.localPart, dto.domain ?? found.primaryDomain, 'localPart');
    await this.addresses.requireFreeInDirectory(await this.gateway.open(), [wanted], 'localPart');
    return this.change(accountId, actor, 'publicFolder.create', async (account, plan, manager) => {
      const quota = plan.resources.find((r) => r.kind === 'publicStoreMb')?.units.maxUnits ?? 0;
      if (!plan.publicFolderEnabled || quota < 1) {
        throw new DomainError(
          ErrorCode.PLAN_LIMIT_REACHED,
          'The plan allows no public folder (or gives it no public store)',
        );
      }
      if (account.publicFolder)
        throw new DomainError(
          ErrorCode.CONFLICT,
          `The organization already has the public folder ${account.publicFolder}`,
        );
      const folder = addressOf(dto.localPart, dto.domain ?? account.primaryDomain, 'localPart');
      await this.addresses.requireOwnDomain(manager, accountId, folder, 'domain');
      const owner = { accountId, type: 'public_folder' as const, id: accountId };
      await this.addresses.reserve(manager, owner, [{ address: folder, isPrimary: true }], 'localPart');
      return { kind: PUBLIC_FOLDER_CREATE, folder };
    });
  }

  @Authorize('publicFolder.delete', { account: 0 })
  delete(accountId: string, actor: Actor): Promise<AccountResponseDto> {
    return this.change(accountId, actor, 'publicFolder.delete', (account) => {
      if (!account.publicFolder)
        throw new DomainError(ErrorCode.NOT_FOUND, 'The organization has no public folder');
      return Promise.resolve({ kind: PUBLIC_FOLDER_DELETE, folder: account.publicFolder });
    });
  }

  private async change(
    accountId: string,
    actor: Actor,
    action: string,
    prepare: (
      account: Account,
      plan: Plan,
      manager: EntityManager,
    ) => Promise<{ kind: string; folder: string }>,
  ): Promise<AccountResponseDto> {
    await this.gate.requireEnabled('manage the public folder', this.dataSource.manager);
    return this.dataSource.transaction(async (manager) => {
      const { account, plan } = await this.accounts.lockForChange(accountId, actor, manager);
      await this.accounts.requireIdle(manager, accountId);
      const { kind, folder } = await prepare(account, plan, manager);
      const input: PublicFolderInput = {
        accountId,
        orgDn: account.orgDn,
        organizationName: account.organizationName,
        folder,
      };
      await this.accountOperations.start(manager, account, {
        kind,
        input,
        actor,
        action,
        audit: { before: null, after: { folder } },
      });
      const response = AccountResponseDto.from(account, account.status);
      return response;
    });
  }

  /** The account records the folder once MPF has it; its address is held while it exists. */
  private async settle(
    outcome: OperationOutcome<PublicFolderInput>,
    manager: EntityManager,
    created: boolean,
  ) {
    const { accountId, folder } = outcome.input;
    if (outcome.status !== 'succeeded') {
      if (created) await this.addresses.release(manager, [folder]);
      return;
    }
    if (!created) await this.addresses.release(manager, [folder]);
    await manager.update(
      Account,
      { id: accountId },
      { publicFolder: created ? folder : null, updatedAt: this.clock.now() },
    );
  }
}
