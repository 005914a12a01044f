import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DEMO_DATA: bool.default(true),
  DEMO_PASSWORD: z.string().min(8).default('Kechuang@2026'),
  PII_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{32}$/, 'must be 32 hex characters (a 128-bit SM4 key)')
    .optional(),
  PII_KEY_FILE: z.string().min(1).optional(),
  AUDIT_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex characters (a 256-bit HMAC-SM3 key)')
    .optional(),
  AUDIT_KEY_FILE: z.string().min(1).optional(),
  AUDIT_CHECKPOINT_FILE: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  COOKIE_SECURE: bool.default(false),
  TRUST_PROXY: bool.default(false),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(72).default(12),
  WEB_DIST: z.string().min(1).default('./web/dist'),
  // the business date this process starts at (09:00 China time, then real speed), or `system` for
  // the machine's clock; unset: the clock stored with the demo data, else the machine's clock
  BUSINESS_DATE: z
    .string()
    .regex(/^(system|\d{4}-\d{2}-\d{2})$/, 'must be a date YYYY-MM-DD or system')
    .refine((v) => v === 'system' || (!Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v)), 'is not a valid date')
    .optional(),
});

export type Env = z.infer<typeof envSchema>;

export class ConfigError extends Error {}

/** Parses the environment; throws a one-line ConfigError naming the bad variable. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const present = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue.path[0] ?? 'environment');
    throw new ConfigError(`配置错误 / invalid configuration: ${name} ${issue.message}`);
  }
  return parsed.data;
}
