import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { MpfModule } from '../mpf/mpf.module';
import { ConnectionReadiness } from './connection-readiness';
import { HealthController } from './health.controller';

@Module({
  imports: [TerminusModule.forRoot({ logger: false }), MpfModule],
  controllers: [HealthController],
  providers: [ConnectionReadiness],
})
export class HealthModule {}
