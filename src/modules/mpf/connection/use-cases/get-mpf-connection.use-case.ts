import type { Actor } from '../../../shared/actor';
import { Authorize } from '../../../policy/authorize.decorator';
import { Injectable } from '@nestjs/common';
import { MpfConnectionResponseDto } from '../dto/mpf-connection-response.dto';
import { describeConnection } from '../mpf-connection';
import type { MpfConnectionEntity } from '../mpf-connection.entity';
import { MpfConnectionStore } from '../mpf-connection.store';

export function toResponse(settings: MpfConnectionEntity | null): MpfConnectionResponseDto {
  if (!settings) return { configured: false };
  return {
    configured: true,
    ...describeConnection(settings),
    netbiosDomain: settings.netbiosDomain,
    login: settings.login,
    passwordSet: true,
    pdc: settings.pdc,
    resellerOu: settings.resellerDn,
    directoryUrlIsDefault: settings.directoryUrl === null,
    caCertificatePem: settings.caPem,
    insecureTls: settings.insecureTls,
    namespace: settings.namespace,
    timeoutSeconds: settings.timeoutMs / 1000,
    updatedAt: settings.updatedAt.toISOString(),
    updatedBy: settings.updatedBy,
  };
}

/** The MPF connection form's current values (password masked). */
@Injectable()
export class GetMpfConnectionUseCase {
  constructor(private readonly store: MpfConnectionStore) {}

  @Authorize('mpfConnection.read')
  async execute(_actor: Actor): Promise<MpfConnectionResponseDto> {
    return toResponse(await this.store.find());
  }
}
