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
  /** Whether v1 signatures (body only, not bound to route and actor) are still accepted. */
  acceptV1Signatures: boolean;
  /** Whether this instance runs the provisioning worker ('off' for API-only instances). */
  operationsWorker: 'on' | 'off';
  /** A worker's lease on an operation (renewed while it works). */
  operationsLeaseMs: number;
  /** What customers publish in DNS for their SMTP domains. */
  dns: { mxHost?: string; mxPriority: number; autodiscoverHost?: string; spfInclude?: string };
}

export const APP_CONFIG_KEY = 'app';
