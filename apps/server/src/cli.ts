import { errorMessage } from '@ocop/contracts/errors';
import { DomainError, isRole } from '@ocop/domain/shared';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildApp } from './app';
import { backup, restore } from './cli/backup.command';
import { describeSealReport } from './cli/verify-sheets.command';
import { loadConfig } from './config';
import { openFileStore } from './open-file-store';
import { seedDemoData } from './demo/seed-demo';
import { SYSTEM_CONTEXT } from './modules/identity';
import { openPreparedDatabase } from './prepare-database';

const USAGE = `ocop-admin — công cụ quản trị OCOP / OCOP admin tool

  ocop-admin migrate                      áp dụng migration và dữ liệu tham chiếu / apply migrations and reference data
  ocop-admin create-user --login <email|phone> --password <pw> --role <role> [--name <full name>] [--province <code>] [--commune <code>] [--producer <id>]
  ocop-admin seed-demo                    tạo dữ liệu demo Sơn La / create the Sơn La demo data
  ocop-admin backup <file>                sao lưu / back up (PGlite: stop the server first)
  ocop-admin restore <file>               khôi phục / restore (PGlite: stop the server first)
  ocop-admin verify-sheets [--dossier <id>]  kiểm tra niêm phong phiếu chấm điểm / verify the seal of score sheets (exit 1 if tampered)

Settings come from the environment (DATA_DIR, DATABASE_URL, …) as for the server.`;

async function withApp<T>(work: (built: Awaited<ReturnType<typeof buildApp>>) => Promise<T>): Promise<T> {
  const config = loadConfig(process.env);
  const { database } = await openPreparedDatabase(config);
  try {
    const built = await buildApp({
      database,
      store: await openFileStore(config),
      settings: { ...config, filesDir: join(config.dataDir, 'files') },
    });
    try {
      return await work(built);
    } finally {
      await built.app.close();
    }
  } finally {
    await database.close();
  }
}

async function main(argv: string[]): Promise<string> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'migrate': {
      const config = loadConfig(process.env);
      const { database, loadedSnapshots } = await openPreparedDatabase(config);
      await database.close();
      return `Đã cập nhật cơ sở dữ liệu / database up to date (${database.engine})${loadedSnapshots.length ? `; loaded ${loadedSnapshots.join(', ')}` : ''}`;
    }
    case 'create-user': {
      const { values } = parseArgs({
        args: rest,
        options: {
          login: { type: 'string' },
          password: { type: 'string' },
          role: { type: 'string' },
          name: { type: 'string' },
          province: { type: 'string' },
          commune: { type: 'string' },
          producer: { type: 'string' },
        },
        strict: true,
      });
      if (!values.login || !values.password || !values.role) throw new Error('--login, --password and --role are required');
      const role = values.role;
      if (!isRole(role)) throw new Error(`Unknown role ${role}`);
      return withApp(async ({ modules }) => {
        const province = values.province ?? null;
        if (province) await modules.identity.users.serveProvince(province);
        const isEmail = values.login?.includes('@');
        const user = await modules.identity.users.createUser(
          'system',
          {
            fullName: values.name ?? values.login ?? '',
            email: isEmail ? values.login : null,
            phone: isEmail ? null : values.login,
            password: values.password ?? '',
            provinceCode: province,
            roles: [{ role, provinceCode: province, communeCode: values.commune ?? null, producerId: values.producer ?? null }],
          },
          { ...SYSTEM_CONTEXT, actorName: 'ocop-admin' },
        );
        return `Đã tạo người dùng / user created: ${user.id} (${role})`;
      });
    }
    case 'seed-demo':
      return withApp(async ({ modules }) => {
        const created = await seedDemoData(modules);
        return created.users.length
          ? `Demo: ${created.users.map((u) => `${u.login} (${u.role})`).join(', ')} — mật khẩu / password: ${created.password}`
          : 'Demo data already present.';
      });
    case 'verify-sheets': {
      const { values } = parseArgs({ args: rest, options: { dossier: { type: 'string' } }, strict: true });
      if (values.dossier !== undefined && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(values.dossier))
        throw new Error(`--dossier needs a dossier id (uuid), not ${values.dossier}`);
      return withApp(async ({ modules }) => {
        const { message, tampered } = describeSealReport(await modules.evaluation.scoring.verifySheets(values.dossier));
        if (tampered) process.exitCode = 1;
        return message;
      });
    }
    case 'backup':
    case 'restore': {
      const file = rest[0];
      if (!file) throw new Error(`${command} needs a file name`);
      const config = loadConfig(process.env);
      return command === 'backup' ? backup(config, file) : restore(config, file);
    }
    default:
      return USAGE;
  }
}

main(process.argv.slice(2)).then(
  (message) => {
    process.stdout.write(`${message}\n`);
  },
  (error: unknown) => {
    const detail =
      error instanceof DomainError
        ? `${errorMessage(error.code, 'vi', { ...error.details })} / ${errorMessage(error.code, 'en', { ...error.details })} (${error.code})`
        : error instanceof Error
          ? error.message
          : String(error);
    process.stderr.write(`Lỗi / error: ${detail}\n`);
    process.exitCode = 1;
  },
);
