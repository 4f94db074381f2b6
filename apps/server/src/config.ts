import { resolve } from 'node:path';
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const boolish = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((value) => value === 'true' || value === '1' || value === 'yes');

const environment = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional(),
  PUBLIC_URL: z.url().optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(120),
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  SEED_DEMO: z.enum(['auto', 'never']).default('auto'),
  TRUST_PROXY: boolish.default(false),
  WEB_DIST_DIR: z.string().optional(),
  FILE_STORE: z.enum(['local', 's3']).default('local'),
  S3_ENDPOINT: z.url().optional(),
  S3_BUCKET: z.string().min(1).optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  // Self-hosted services (MinIO, Ceph, the Vietnamese clouds' object storage) mostly need path-style addressing.
  S3_FORCE_PATH_STYLE: boolish.default(true),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^/]/, 'SMTP_URL must look like smtp://user:pass@host:587 or smtps://host:465')
    .optional(),
  MAIL_FROM: z.string().min(3).max(200).optional(),
  NOTIFY_DIGEST_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(10),
  /** How long a public certificate verification answer is reused in a process (0: never; changes made here clear it at once). */
  /**
   * The map tiles of the public sales-point map, OpenStreetMap style (`https://tile.example.vn/{z}/{x}/{y}.png`);
   * unset: the map is drawn over the province outline with no tile server.
   */
  MAP_TILES_URL: z
    .url()
    .regex(/^https?:\/\/[^{}]+\/.*\{z\}.*\{x\}.*\{y\}/, 'MAP_TILES_URL must be an http(s) address with {z}, {x} and {y}')
    .max(300)
    .optional(),
  MAP_TILES_ATTRIBUTION: z.string().min(1).max(200).default('© OpenStreetMap contributors'),
  VERIFY_CACHE_SECONDS: z.coerce.number().int().min(0).max(3_600).default(60),
  /**
   * The header a trusted proxy in front of the app sets to the client's coarse place (a country,
   * e.g. Cloudflare's `CF-IPCountry`, or `country-region`); unset: scans record no place. Never set
   * it without such a proxy: a client could then claim any place.
   */
  SCAN_PLACE_HEADER: z
    .string()
    .regex(/^[A-Za-z0-9-]{1,64}$/, 'SCAN_PLACE_HEADER must be a header name')
    .optional(),
  /** Key of the HMAC that hashes scanning clients' addresses; the same on every node. Unset: a random key per process. */
  SCAN_ADDRESS_SALT: z.string().min(16).max(200).optional(),
  /** Scans one client address may make at once, and per minute after that (each over the limit is still recorded, answered 429). */
  SCAN_RATE_BURST: z.coerce.number().int().min(1).max(1_000_000).default(30),
  SCAN_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(30),
  /** Most scans written by one INSERT of the group-commit writer (1: one INSERT per scan, for comparison). */
  SCAN_BATCH_MAX: z.coerce.number().int().min(1).max(1_000).default(500),
});

/** Where uploaded files are kept: `DATA_DIR/files` on the local disk, or one bucket of an S3-compatible service. */
export type FileStoreConfig =
  | { kind: 'local' }
  | {
      kind: 's3';
      endpoint: string | undefined;
      bucket: string;
      region: string;
      accessKeyId: string;
      secretAccessKey: string;
      forcePathStyle: boolean;
    };

export type Config = Readonly<{
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  publicUrl: string;
  logLevel: (typeof LOG_LEVELS)[number];
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  seedDemo: 'auto' | 'never';
  trustProxy: boolean;
  webDistDir: string | undefined;
  fileStore: FileStoreConfig;
  /** The SMTP server mail goes through; unset: mail is only noted in the log. */
  smtpUrl: string | undefined;
  /** The sender of every mail. */
  mailFrom: string;
  /** How long notifications gather before one digest mail carries them. */
  notifyDigestMinutes: number;
  /** How long a public verification answer is reused (seconds; 0: never). */
  verifyCacheSeconds: number;
  /** The public map's tile server, when set. */
  mapTiles: { urlTemplate: string; attribution: string } | undefined;
  /** The trusted proxy's place header, lower case; undefined: no place is recorded. */
  scanPlaceHeader: string | undefined;
  /** The key client addresses are hashed with; undefined: random per process. */
  scanAddressSalt: string | undefined;
  scanRateBurst: number;
  scanRatePerMinute: number;
  scanBatchMax: number;
}>;

/** Reads the environment once; an invalid setting stops the process with a message naming it. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  // An empty variable means "not set", as shells and .env files commonly write it.
  const given = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = environment.safeParse(given);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Cấu hình không hợp lệ / invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  let fileStore: FileStoreConfig = { kind: 'local' };
  if (e.FILE_STORE === 's3') {
    const missing = (['S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const).filter((name) => e[name] === undefined);
    if (missing.length > 0) {
      throw new Error(`Cấu hình không hợp lệ / invalid configuration: FILE_STORE=s3 cần / needs ${missing.join(', ')}`);
    }
    fileStore = {
      kind: 's3',
      endpoint: e.S3_ENDPOINT,
      bucket: e.S3_BUCKET ?? '',
      region: e.S3_REGION,
      accessKeyId: e.S3_ACCESS_KEY_ID ?? '',
      secretAccessKey: e.S3_SECRET_ACCESS_KEY ?? '',
      forcePathStyle: e.S3_FORCE_PATH_STYLE,
    };
  }
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    publicUrl,
    logLevel: e.LOG_LEVEL,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: e.SESSION_ABSOLUTE_HOURS,
    seedDemo: e.SEED_DEMO,
    trustProxy: e.TRUST_PROXY,
    webDistDir: e.WEB_DIST_DIR,
    fileStore,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM ?? `OCOP <no-reply@${new URL(publicUrl).hostname}>`,
    notifyDigestMinutes: e.NOTIFY_DIGEST_MINUTES,
    verifyCacheSeconds: e.VERIFY_CACHE_SECONDS,
    mapTiles: e.MAP_TILES_URL ? { urlTemplate: e.MAP_TILES_URL, attribution: e.MAP_TILES_ATTRIBUTION } : undefined,
    scanPlaceHeader: e.SCAN_PLACE_HEADER?.toLowerCase(),
    scanAddressSalt: e.SCAN_ADDRESS_SALT,
    scanRateBurst: e.SCAN_RATE_BURST,
    scanRatePerMinute: e.SCAN_RATE_PER_MINUTE,
    scanBatchMax: e.SCAN_BATCH_MAX,
  });
}
