import { Module } from '@nestjs/common';
import { MPF_CLIENT_FACTORY } from './mpf-client.port';
import { SoapMpfClientFactory } from './soap-mpf-client.factory';

/** The MPF client port; tests swap MPF_CLIENT_FACTORY (e.g. for the emulator) with overrideProvider. */
@Module({
  providers: [{ provide: MPF_CLIENT_FACTORY, useClass: SoapMpfClientFactory }],
  exports: [MPF_CLIENT_FACTORY],
})
export class MpfClientModule {}
