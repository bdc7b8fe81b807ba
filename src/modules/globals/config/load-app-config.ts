import { Logger } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { AppConfig } from './app-config';
import { ConfigError } from './config.error';
import { EnvSchema } from './env.schema';
import { loadOrCreateSecretFile } from './generated-secret';
import { normalizeDomainName } from '../../exchange/addressing/domain-name/domain-name';

const KNOWN = Object.keys(new EnvSchema());

function decodeKey(value: string): Buffer {
  return /^[0-9a-fA-F]{64}$/.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64');
}

/**
 * Validates the environment and resolves the secrets. A missing SECRET_KEY or PLUGIN_SIGNING_SECRET is
 * generated once into the data folder (with a warning); an invalid value throws ConfigError.
 */
export function loadAppConfig(env: NodeJS.ProcessEnv): AppConfig {
  const raw = Object.fromEntries(
    KNOWN.filter((key) => env[key] !== undefined && env[key] !== '').map((key) => [key, env[key]]),
  );
  const schema = plainToInstance(EnvSchema, raw, { exposeDefaultValues: true });
  const errors = validateSync(schema, { validationError: { target: false, value: false } });
  if (errors.length > 0)
    throw new ConfigError([...new Set(errors.flatMap((e) => Object.values(e.constraints ?? {})))]);

  const logger = new Logger('Config');
  const secret = (variable: string, given: string | undefined, fileName: string): string => {
    if (given) return given;
    const file = loadOrCreateSecretFile(schema.DATA_DIR, fileName);
    // A generated file obeys the variable's own rule; a truncated or hand-edited one must not weaken it.
    const problems = validateSync(plainToInstance(EnvSchema, { [variable]: file.value }), {
      validationError: { target: false, value: false },
    }).filter((e) => e.property === variable);
    if (problems.length > 0) {
      throw new ConfigError([
        `${file.path} does not hold a valid ${variable}: delete it to generate a new one, or set ${variable}`,
      ]);
    }
    if (file.created)
      logger.warn(
        `${variable} is not set: generated one into ${file.path}; keep that file safe and back it up`,
      );
    else logger.warn(`${variable} is not set: using the one generated into ${file.path}`);
    return file.value;
  };

  return {
    port: schema.PORT,
    logLevel: schema.LOG_LEVEL,
    dataDir: schema.DATA_DIR,
    database: { url: schema.DATABASE_URL, migrate: schema.DATABASE_MIGRATE },
    secretKey: decodeKey(secret('SECRET_KEY', schema.SECRET_KEY, 'secret-key')),
    pluginSigningSecret: secret(
      'PLUGIN_SIGNING_SECRET',
      schema.PLUGIN_SIGNING_SECRET,
      'plugin-signing-secret',
    ),
    acceptV1Signatures: schema.PLUGIN_SIGNATURE_V1,
    operationsWorker: schema.OPERATIONS_WORKER,
    operationsLeaseMs: schema.OPERATIONS_LEASE_SECONDS * 1000,
    dns: {
      mxHost: schema.DNS_MX_HOST,
      mxPriority: schema.DNS_MX_PRIORITY,
      autodiscoverHost: schema.DNS_AUTODISCOVER_HOST,
      spfInclude: schema.DNS_SPF_INCLUDE,
    },
    approvals: {
      rules:
        schema.APPROVAL_RULES.trim() === 'none'
          ? []
          : schema.APPROVAL_RULES.split(',').map((pair) => {
              const [role, command] = pair.trim().split(':');
              return { role, command };
            }),
      quorum: schema.APPROVAL_QUORUM,
    },
    domains: {
      reserved: (schema.RESERVED_DOMAINS ?? '')
        .split(',')
        .map((d) => d.trim())
        .filter(Boolean)
        .map((d) => normalizeDomainName(d, 'RESERVED_DOMAINS').ascii),
      verification: schema.DOMAIN_VERIFICATION,
      resolver: schema.DNS_RESOLVER,
      checkEveryMs: schema.DOMAIN_VERIFICATION_CHECK_SECONDS * 1000,
      claimExpiryMs: schema.DOMAIN_VERIFICATION_EXPIRY_HOURS * 3_600_000,
    },
  };
}
