import type { JourneyStep } from '@ocop/contracts/traceability';
import { FAKE_REPORT_CONTACT_MAX, FAKE_REPORT_MESSAGE_MAX } from '@ocop/contracts/stamp-scans';
import {
  type ScanVerdict,
  classifyUserAgent,
  coarsePlace,
  readScannedSerial,
  scanVerdict,
  type SuspicionRules,
} from '@ocop/domain/traceability';
import { createHmac } from 'node:crypto';
import type { Clock } from '../../../platform/clock';
import type { Transactions } from '../../../platform/database/transaction';
import { createMemoCache } from '../../../platform/memo-cache';
import type { JourneyService } from '../journeys/journey.service';
import type { LotRepository } from '../lots/lot.repository';
import type { ScanCertificate, TraceabilityNotifier, TraceabilityPeople, TraceabilityPublicFacts } from '../traceability-ports';
import { createScanRecorder, type RecordedScan, type ScanRecorderOptions } from './scan-recorder';
import { NO_SERIAL, type ScannedStamp, type ScanRepository } from './scan.repository';

/** The scan page's settings (config, with tests lowering some). */
export type ScanSettings = {
  /** The trusted proxy's header that carries a coarse place (e.g. `cf-ipcountry`), lower case; null: places are not recorded. */
  placeHeader: string | null;
  /** Key of the HMAC that hashes client addresses; the same on every node, or "distinct addresses" counts per node. */
  addressSalt: string;
  rules: SuspicionRules;
  /** How long a product's and lot's page facts (names, lot, journey) are reused. */
  cacheMs: number;
  recorder?: Partial<ScanRecorderOptions>;
};

/** Steps of a lot's journey the page lists (the newest are kept); the back office shows them all. */
export const SCAN_PAGE_JOURNEY_STEPS = 12;
/** Products-and-lots whose page facts are kept at once. */
const FACTS_CACHE_ENTRIES = 5_000;
/** Client addresses whose hash is kept (a few hundred KB at most), and for how long. */
const ADDRESS_HASH_ENTRIES = 10_000;
const ADDRESS_HASH_TTL_MS = 10 * 60_000;

/** What the page shows besides the verdict; the same for every stamp of one product and lot. */
export type StampPageFacts = {
  productId: string;
  product: { nameVi: string; nameEn: string | null; producerName: string; communeName: string | null; imageFileId: string | null } | null;
  certificateNumber: string | null;
  lot: { code: string; producedOn: string; expiresOn: string | null; bestBefore: string | null } | null;
  journey: { steps: JourneyStep[]; more: number };
};

export type ScanClient = { userAgent: string | undefined; placeHeaderValue: string | undefined; address: string };

export type ScanOutcome =
  | { kind: 'unknown' }
  | {
      kind: 'stamp';
      verdict: ScanVerdict;
      stamp: ScannedStamp;
      facts: StampPageFacts;
      certificate: ScanCertificate | null;
      counter: NonNullable<RecordedScan>['counter'];
    };

export type ReportOutcome =
  | { kind: 'accepted' }
  | { kind: 'invalid'; problem: 'message_missing' | 'message_too_long' | 'contact_too_long' };

export type ScanService = ReturnType<typeof createScanService>;

/**
 * The public scan of a stamp: look the serial up (always one query, whatever the text), record the
 * scan durably through the group-commit writer, then gather what the page shows. Fake reports.
 */
export function createScanService(deps: {
  transactions: Transactions;
  clock: Clock;
  repository: ScanRepository;
  lots: LotRepository;
  journeys: JourneyService;
  publicFacts: TraceabilityPublicFacts;
  notifier?: TraceabilityNotifier | undefined;
  people?: TraceabilityPeople | undefined;
  settings: ScanSettings;
  logger?: { error: (details: object, message: string) => void } | undefined;
}) {
  const { repository, clock, settings, publicFacts } = deps;
  const recorder = createScanRecorder({
    transactions: deps.transactions,
    repository,
    rules: settings.rules,
    now: () => clock.now(),
    logger: deps.logger,
    ...(settings.recorder ? { options: settings.recorder } : {}),
  });
  const facts = createMemoCache<Promise<StampPageFacts>>({ ttlMs: settings.cacheMs, maxEntries: FACTS_CACHE_ENTRIES });

  // An HMAC per scan was a twentieth of the scan page's CPU; a shop or a carrier's address scans again and again.
  const addressHashes = createMemoCache<string>({ ttlMs: ADDRESS_HASH_TTL_MS, maxEntries: ADDRESS_HASH_ENTRIES });
  const hashAddress = (address: string) => {
    const known = addressHashes.get(address);
    if (known) return known;
    const hash = createHmac('sha256', settings.addressSalt).update(address).digest('hex').slice(0, 32);
    addressHashes.set(address, hash);
    return hash;
  };
  const clientFacts = (client: ScanClient) => ({
    agentClass: classifyUserAgent(client.userAgent),
    place: settings.placeHeader ? coarsePlace(client.placeHeaderValue) : null,
    addressHash: hashAddress(client.address),
  });

  async function loadFacts(stamp: ScannedStamp): Promise<StampPageFacts> {
    const [product, certificateNumber, lot] = [
      await publicFacts.productFace(stamp.productId),
      await publicFacts.certificateNumberOf(stamp.productId),
      stamp.lotId ? await deps.lots.findById(stamp.lotId) : undefined,
    ];
    let journey: StampPageFacts['journey'] = { steps: [], more: 0 };
    if (lot) {
      const steps = (await deps.journeys.journeyOfLot(lot.id)).steps;
      const kept = steps.slice(-SCAN_PAGE_JOURNEY_STEPS);
      journey = { steps: kept, more: steps.length - kept.length };
    }
    return {
      productId: stamp.productId,
      product,
      certificateNumber,
      lot: lot ? { code: lot.lotCode, producedOn: lot.producedOn, expiresOn: lot.expiresOn, bestBefore: lot.bestBefore } : null,
      journey,
    };
  }

  /** The page facts of a product and lot, reused for `cacheMs`; concurrent scans of a cold stamp share one load. */
  function factsOf(stamp: ScannedStamp): Promise<StampPageFacts> {
    const key = `${stamp.productId}|${stamp.lotId ?? ''}`;
    const known = facts.get(key);
    if (known) return known;
    const loading = loadFacts(stamp);
    facts.set(key, loading);
    // A failed load is not kept: the next scan tries again.
    loading.catch(() => facts.clear());
    return loading;
  }

  return {
    recorder,
    hashAddress,

    /**
     * One scan: the lookup and the durable record happen for every text (a made-up serial costs the
     * same as a real unknown one); the record's failure throws (the page answers 503). `limited`
     * scans are recorded and then answered without the page's facts.
     */
    scan: async (text: string, client: ScanClient, limited: boolean): Promise<ScanOutcome | { kind: 'limited' }> => {
      const recorded = await recorder.submit({ scannedAt: clock.now(), serial: readScannedSerial(text), ...clientFacts(client), limited });
      if (limited) return { kind: 'limited' };
      if (!recorded) return { kind: 'unknown' };
      const { stamp, counter } = recorded;
      const pageFacts = await factsOf(stamp);
      const certificate = pageFacts.certificateNumber ? await publicFacts.certificateByNumber(pageFacts.certificateNumber) : null;
      return {
        kind: 'stamp',
        verdict: scanVerdict({ state: stamp.state, suspicious: counter.suspiciousReason !== null }),
        stamp,
        facts: pageFacts,
        certificate,
        counter,
      };
    },

    /** A "report a fake" from the page: stored, and told to the producer's members and the province's staff. */
    report: async (
      text: string,
      form: { message: string; contact: string; honeypot: string },
      client: ScanClient,
    ): Promise<ReportOutcome> => {
      const message = form.message.trim();
      const contact = form.contact.trim();
      if (message.length === 0) return { kind: 'invalid', problem: 'message_missing' };
      if (message.length > FAKE_REPORT_MESSAGE_MAX) return { kind: 'invalid', problem: 'message_too_long' };
      if (contact.length > FAKE_REPORT_CONTACT_MAX) return { kind: 'invalid', problem: 'contact_too_long' };
      const serial = readScannedSerial(text);
      const stamp = await repository.findStamp(serial ?? NO_SERIAL);
      // A filled hidden field is a robot: thanked like anyone, stored nowhere.
      if (form.honeypot.trim() !== '') return { kind: 'accepted' };
      await deps.transactions.run(async () => {
        const id = await repository.insertReport({
          serial: serial ?? text.slice(0, 64),
          known: stamp !== undefined,
          productId: stamp?.productId ?? null,
          lotId: stamp?.lotId ?? null,
          producerId: stamp?.producerId ?? null,
          provinceCode: stamp?.provinceCode ?? null,
          communeCode: stamp?.communeCode ?? null,
          message,
          contact: contact || null,
          reportedAt: clock.now(),
          ...clientFacts(client),
        });
        if (stamp && deps.people && deps.notifier) {
          const recipients = new Set<string>();
          for (const holder of await deps.people.holders(['producer_member'], {
            provinceCode: stamp.provinceCode,
            producerId: stamp.producerId,
          }))
            recipients.add(holder.id);
          for (const holder of await deps.people.holders(['province_officer'], { provinceCode: stamp.provinceCode }))
            recipients.add(holder.id);
          if (recipients.size > 0)
            await deps.notifier.notify([...recipients].slice(0, 200), {
              kind: 'stamp.fake_reported',
              subject: 'Có người báo tem giả / A fake stamp was reported',
              body: `Một người mua báo tem ${serial ?? ''} có thể là giả: "${message.slice(0, 300)}"`,
              link: '/traceability/fake-reports',
              entityType: 'stamp_fake_report',
              entityId: id,
              provinceCode: stamp.provinceCode,
            });
        }
      });
      return { kind: 'accepted' };
    },

    /** The product's primary picture for the page, when `fileId` is it. */
    productImage: (productId: string, fileId: string) => publicFacts.openProductImage(productId, fileId),

    /** Forget reused page facts (after a change made by this process that the page shows). */
    forgetCached: () => facts.clear(),
  };
}
