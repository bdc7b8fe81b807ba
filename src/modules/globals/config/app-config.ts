import type { LevelWithSilent } from 'pino';

/** The validated configuration the application runs with (secrets resolved, never logged). */
export interface AppConfig {
  port: number;
  logLevel: LevelWithSilent;
  dataDir: string;
  database: { url: string; migrate: boolean };
  /** 32-byte key for encrypting secrets at rest (AES-256-GCM). */
  secretKey: Buffer;
  pluginSigningSecret: string;
}

export const APP_CONFIG_KEY = 'app';
