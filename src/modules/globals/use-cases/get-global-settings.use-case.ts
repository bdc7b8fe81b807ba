import type { Actor } from '../../shared/actor';
import { Authorize } from '../../policy/authorize.decorator';
import { Injectable } from '@nestjs/common';
import type { GlobalSettingsResponseDto } from '../dto/global-settings-response.dto';
import { GlobalSettingsStore } from '../global-settings.store';

@Injectable()
export class GetGlobalSettingsUseCase {
  constructor(private readonly store: GlobalSettingsStore) {}

  @Authorize('globals.read')
  execute(_actor: Actor): Promise<GlobalSettingsResponseDto> {
    return this.store.read();
  }
}
