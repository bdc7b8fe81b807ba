import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_CONFIG_KEY, type AppConfig } from '../globals/config/app-config';
import { CLOCK, SystemClock } from './clock/clock.port';
import { AesGcmSecretBox, SECRET_BOX } from './crypto/secret-box';

@Global()
@Module({
  providers: [
    { provide: CLOCK, useClass: SystemClock },
    {
      provide: SECRET_BOX,
      inject: [ConfigService],
      useFactory: (config: ConfigService) =>
        new AesGcmSecretBox(config.getOrThrow<AppConfig>(APP_CONFIG_KEY).secretKey),
    },
  ],
  exports: [CLOCK, SECRET_BOX],
})
export class SharedModule {}
