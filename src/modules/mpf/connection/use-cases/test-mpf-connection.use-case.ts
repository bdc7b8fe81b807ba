import { Injectable } from '@nestjs/common';
import { Authorize } from '../../../policy/authorize.decorator';
import type { Actor } from '../../../shared/actor';
import type { ConnectionTestResponseDto } from '../dto/connection-test-response.dto';
import { MpfConnectionTester } from '../mpf-connection-tester';

/** The admin's "test connection": the MPF call, the LDAP bind and the reseller OU, each reported on its own. */
@Injectable()
export class TestMpfConnectionUseCase {
  constructor(private readonly tester: MpfConnectionTester) {}

  @Authorize('mpfConnection.test')
  execute(_actor: Actor): Promise<ConnectionTestResponseDto> {
    return this.tester.run();
  }
}
