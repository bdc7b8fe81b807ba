import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { DomainError } from '../../shared/errors/domain.error';
import { ErrorCode } from '../../shared/errors/error-code.enum';
import { SECRET_BOX, type SecretBox } from '../../shared/crypto/secret-box';
import { MPF_PASSWORD_CONTEXT, openConnection, type MpfConnection } from './mpf-connection';
import { MpfConnectionEntity } from './mpf-connection.entity';

export const MPF_CONNECTION_ID = 'default';

/** Loads and saves the single MPF connection row; opens the sealed password only for callers that use it. */
@Injectable()
export class MpfConnectionStore {
  constructor(
    @InjectRepository(MpfConnectionEntity) private readonly rows: Repository<MpfConnectionEntity>,
    @Inject(SECRET_BOX) private readonly secrets: SecretBox,
  ) {}

  find(manager: EntityManager = this.rows.manager): Promise<MpfConnectionEntity | null> {
    return manager.findOneBy(MpfConnectionEntity, { id: MPF_CONNECTION_ID });
  }

  async save(settings: MpfConnectionEntity, manager: EntityManager): Promise<void> {
    await manager.save(MpfConnectionEntity, settings);
  }

  sealPassword(password: string): string {
    return this.secrets.seal(password, MPF_PASSWORD_CONTEXT);
  }

  /** The connection ready to use, or MPF_NOT_CONFIGURED. */
  async require(): Promise<MpfConnection> {
    const settings = await this.find();
    if (!settings) {
      throw new DomainError(
        ErrorCode.MPF_NOT_CONFIGURED,
        'Configure the MPF connection first (PUT /plugin/v1/admin/mpf-connection)',
      );
    }
    let password: string;
    try {
      password = this.secrets.open(settings.passwordSealed, MPF_PASSWORD_CONTEXT);
    } catch (cause) {
      throw new DomainError(
        ErrorCode.MPF_NOT_CONFIGURED,
        'The stored MPF password cannot be decrypted with the current SECRET_KEY: restore the key or save the connection again',
        { cause, meta: { reason: 'secret-unreadable' } },
      );
    }
    return openConnection(settings, password);
  }
}
