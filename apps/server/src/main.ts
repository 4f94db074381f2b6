import { join } from 'node:path';
import pino from 'pino';
import { buildApp } from './app';
import { loadConfig } from './config';
import { seedDemoData } from './demo/seed-demo';
import { loggerOptions } from './platform/logger';
import { DEFAULT_WEB_DIST } from './platform/paths';
import { openFileStore } from './open-file-store';
import { openPreparedDatabase } from './prepare-database';

const startedAt = performance.now();
const config = loadConfig(process.env);
const log = pino(loggerOptions(config.logLevel));

async function start() {
  const { database, loadedSnapshots } = await openPreparedDatabase(config);
  if (loadedSnapshots.length > 0) log.info({ snapshots: loadedSnapshots }, 'administrative units loaded');

  const { app, modules } = await buildApp({
    database,
    logger: log,
    store: await openFileStore(config),
    settings: { ...config, webDistDir: config.webDistDir ?? DEFAULT_WEB_DIST, filesDir: join(config.dataDir, 'files') },
  });

  if (config.seedDemo === 'auto' && database.engine === 'pglite' && (await modules.identity.users.countUsers()) === 0) {
    const seedStarted = performance.now();
    const created = await seedDemoData(modules);
    // Printed once, on the first start of an empty embedded database; the README lists them too.
    log.warn(
      {
        demoLogins: created.users.map((u) => `${u.login} (${u.role})`),
        demoPassword: created.password,
        seedMs: Math.round(performance.now() - seedStarted),
        evaluationSeedMs: created.evaluationMs,
      },
      'DEMO DATA created — demo logins (not for real use)',
    );
  }

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      log.error('shutdown took too long; exiting');
      process.exit(1);
    }, 15_000);
    force.unref();
    // app.close stops accepting connections and waits for in-flight requests; then the database closes.
    app
      .close()
      .then(() => database.close())
      .then(() => {
        log.info('stopped');
        process.exit(0);
      })
      .catch((error: unknown) => {
        log.error({ err: error }, 'error while shutting down');
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  log.info(
    { url: config.publicUrl, engine: database.engine, node: process.version, startupMs: Math.round(performance.now() - startedAt) },
    'ready',
  );
}

start().catch((error: unknown) => {
  log.fatal({ err: error }, error instanceof Error ? error.message : 'start-up failed');
  process.exit(1);
});
