import { cpus, totalmem } from 'node:os';
import { benchFoundation } from './foundation.bench';

// Figures are printed, never asserted: speed is a measurement, not a test.
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const postgresUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres';

async function reachable(url: string): Promise<boolean> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
console.log(`# ocop bench — ${new Date().toISOString()} — ${machine}`);
const pgUrl = (await reachable(postgresUrl)) ? postgresUrl : undefined;
if (!pgUrl) console.log('(PostgreSQL not reachable: PostgreSQL figures skipped)');

console.log('\n## Web app (first load)');
const { benchWebBundle } = await import('./web-bundle.bench');
for (const line of await benchWebBundle()) console.log(`- ${line}`);

console.log('\n## Foundation');
for (const line of await benchFoundation({ seconds, postgresUrl: pgUrl })) console.log(`- ${line}`);

console.log('\n## Edge (50 connections, each server alone under load, ratios to bare node:http)');
const { benchEdge } = await import('./edge.bench');
for (const line of await benchEdge({ seconds })) console.log(`- ${line}`);

console.log('\n## Registry');
const { benchRegistry } = await import('./registry.bench');
for (const line of await benchRegistry({ postgresUrl: pgUrl })) console.log(`- ${line}`);

console.log('\n## Scoring (26/2026 sheets, pure rules)');
const { benchScoring } = await import('./scoring.bench');
for (const line of await benchScoring()) console.log(`- ${line}`);

console.log('\n## Council scoring (PGlite, HTTP through inject; baseline GET /api/health in the same run)');
const { benchCouncil } = await import('./council.bench');
for (const line of await benchCouncil()) console.log(`- ${line}`);

console.log('\n## Dossier board (2,000 dossiers; PGlite and PostgreSQL; HTTP through inject; baseline GET /api/health in the same run)');
const { benchDossierBoard } = await import('./dossier-board.bench');
for (const line of await benchDossierBoard({ postgresUrl: pgUrl })) console.log(`- ${line}`);

console.log('\n## Certificates — daily job (20,000 certificates)');
const { benchCertificateJob } = await import('./certificate-job.bench');
for (const line of await benchCertificateJob()) console.log(`- ${line}`);

console.log('\n## Evaluation documents (PDF, pure renderers, p50 of a few runs)');
const { benchDocuments } = await import('./documents.bench');
for (const line of await benchDocuments()) console.log(`- ${line}`);

console.log('\n## Certificates (PDF: 500 in one file)');
const { benchCertificatePdf } = await import('./certificates.bench');
for (const line of await benchCertificatePdf()) console.log(`- ${line}`);

console.log('\n## Certificate verification /c/:number (real HTTP, 50 connections, built server with demo data; ratios to bare node:http)');
const { benchVerification } = await import('./verification.bench');
for (const line of await benchVerification({ seconds })) console.log(`- ${line}`);

console.log('\n## Reference data at first start (PGlite; ratios to a second start on the same data)');
const { benchReferenceLoad } = await import('./reference-load.bench');
for (const line of await benchReferenceLoad()) console.log(`- ${line}`);

console.log('\n## Reads during an import (real HTTP; worst latency as a ratio to the same read at rest)');
const { benchImportLatency } = await import('./import-latency.bench');
for (const line of await benchImportLatency({ postgresUrl: pgUrl })) console.log(`- ${line}`);

console.log('\n## Spreadsheet bombs (PGlite, /api/health over HTTP while each job runs)');
const { benchBombs } = await import('./bombs.bench');
for (const line of await benchBombs()) console.log(`- ${line}`);

console.log('\n## EPCIS (issue 13): capture, query by class, journey (PGlite and PostgreSQL; baselines in the same run)\n');
const { benchEpcis, epcisBenchOptions } = await import('./epcis.bench');
for (const line of await benchEpcis(epcisBenchOptions(pgUrl))) console.log(line);
console.log('\n## Trace stamps (issuing one order as one job; the print PDF of 10,000)');
const { benchStamps } = await import('./stamps.bench');
for (const line of await benchStamps({ postgresUrl: pgUrl })) console.log(`- ${line}`);

console.log('\n## Scan page (issue 14; PostgreSQL, real HTTP, each scan durably recorded; baseline bare node:http in the same run)');
const { benchScan } = await import('./scan.bench');
for (const line of await benchScan({ seconds, postgresUrl: pgUrl })) console.log(`- ${line}`);

console.log(
  '\n## Catalogue search (issue 15; in memory, the same on either database; baseline a scan of every folded text in the same run)',
);
const { benchCatalogueSearch } = await import('./catalogue-search.bench');
for (const line of await benchCatalogueSearch()) console.log(`- ${line}`);
console.log('\n## Stamp print sheet (the PDF of 10,000 stamps rendered as before and as now, in one run; no database)');
const { benchStampSheet } = await import('./stamp-sheet.bench');
for (const line of await benchStampSheet()) console.log(`- ${line}`);

console.log(
  '\n## Public portal (issue 15): the catalogue at 20,000 certified products on both engines, the bytes of each public page, the product page over real HTTP beside bare node:http',
);
const { benchPublicPortal } = await import('./public-portal.bench');
for (const line of await benchPublicPortal({ seconds, postgresUrl: pgUrl })) console.log(`- ${line}`);
