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
  /** Commands that wait for approval, by the requester's role, and how many distinct approvers they need. */
  approvals: { rules: { role: string; command: string }[]; quorum: number };
  /** Which domains customers may claim and how they prove them. */
  domains: {
    /** RESERVED_DOMAINS in ASCII form (their subdomains are reserved too). */
    reserved: string[];
    verification: 'customer' | 'all' | 'off';
    /** `ip[:port]` of the DNS server asked for verification records; the system's resolvers when unset. */
    resolver?: string;
    checkEveryMs: number;
    /** How long a pending claim waits for its DNS record before it expires and the name is free again. */
    claimExpiryMs: number;
  };
}

export const APP_CONFIG_KEY = 'app';
