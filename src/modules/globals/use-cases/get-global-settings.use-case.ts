import { Injectable } from '@nestjs/common';
import type { GlobalSettingsResponseDto } from '../dto/global-settings-response.dto';
import { GlobalSettingsStore } from '../global-settings.store';

@Injectable()
export class GetGlobalSettingsUseCase {
  constructor(private readonly store: GlobalSettingsStore) {}

  execute(): Promise<GlobalSettingsResponseDto> {
    return this.store.read();
  }
}
