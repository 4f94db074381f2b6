import { mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';

/** The widths a public picture is made in; any other asked width gets `DEFAULT_WIDTH` (a CDN keeps few copies). */
export const PUBLIC_IMAGE_WIDTHS = [160, 320, 400, 640, 960] as const;
export const DEFAULT_WIDTH = 400;
export type PublicImageFormat = 'webp' | 'jpg';

export function publicImageWidth(asked: number): number {
  return (PUBLIC_IMAGE_WIDTHS as readonly number[]).includes(asked) ? asked : DEFAULT_WIDTH;
}

/**
 * A source with more pixels is refused from its header, before any decoding: a few KB of PNG can
 * declare a picture of gigapixels ("decompression bomb"). Uploads are held to the same number.
 */
export const RESIZE_MAX_INPUT_PIXELS = 50_000_000;
/** A source larger than this is not read at all (uploads are at most 20 MB). */
export const RESIZE_MAX_SOURCE_BYTES = 25 * 1024 * 1024;

/** The source picture's bytes, 'too_large' when it is past the bound (not read), null when there is none. */
export type ImageSource = Buffer | 'too_large' | null;
export type ResizedImage = { bytes: Buffer; mediaType: string };
export type ResizeOutcome = ResizedImage | { refused: 'too_many_pixels' | 'unreadable' | 'too_large' | 'busy' };

export type ResizedImageCacheOptions = {
  /** A folder of its own: files in it are removed to keep it within its bounds. */
  dir: string;
  maxBytes?: number;
  maxFiles?: number;
  /** Resizes at once (each runs on libuv's threads, never on the event loop); more wait. */
  concurrency?: number;
  /** Resizes waiting for their turn; past this a request is refused as busy (503). */
  maxWaiting?: number;
};

const NAME = /^[0-9a-z-]{1,80}-\d{1,4}\.(webp|jpg)$/;

/**
 * Resized pictures made once and kept on disk: the key names a picture that never changes (a file
 * id), so a kept copy is valid for ever; the folder is held to `maxBytes` and `maxFiles` by
 * removing the least recently used. Two requests for the same copy share one resize.
 */
export async function createResizedImageCache(options: ResizedImageCacheOptions) {
  const maxBytes = options.maxBytes ?? 256 * 1024 * 1024;
  const maxFiles = options.maxFiles ?? 20_000;
  const concurrency = options.concurrency ?? 2;
  const maxWaiting = options.maxWaiting ?? 64;
  await mkdir(options.dir, { recursive: true });

  // What the folder holds, least recently used first (a Map keeps insertion order; a use re-inserts).
  const kept = new Map<string, number>();
  let keptBytes = 0;
  const found: { name: string; size: number; mtime: number }[] = [];
  for (const name of await readdir(options.dir)) {
    if (!NAME.test(name)) continue;
    const info = await stat(join(options.dir, name)).catch(() => undefined);
    if (info?.isFile()) found.push({ name, size: info.size, mtime: info.mtimeMs });
  }
  for (const file of found.sort((a, b) => a.mtime - b.mtime)) {
    kept.set(file.name, file.size);
    keptBytes += file.size;
  }

  const inFlight = new Map<string, Promise<ResizeOutcome>>();
  let running = 0;
  const waiting: (() => void)[] = [];

  async function evict() {
    while (kept.size > 0 && (keptBytes > maxBytes || kept.size > maxFiles)) {
      const [oldest, size] = kept.entries().next().value as [string, number];
      kept.delete(oldest);
      keptBytes -= size;
      await unlink(join(options.dir, oldest)).catch(() => undefined);
    }
  }

  async function withTurn<T>(work: () => Promise<T>): Promise<T | 'busy'> {
    if (running >= concurrency) {
      if (waiting.length >= maxWaiting) return 'busy';
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
    running += 1;
    try {
      return await work();
    } finally {
      running -= 1;
      waiting.shift()?.();
    }
  }

  async function make(name: string, source: () => Promise<ImageSource>, width: number, format: PublicImageFormat): Promise<ResizeOutcome> {
    const made = await withTurn(async (): Promise<ResizeOutcome> => {
      const bytes = await source();
      if (!bytes) return { refused: 'unreadable' };
      if (bytes === 'too_large' || bytes.length > RESIZE_MAX_SOURCE_BYTES) return { refused: 'too_large' };
      return resize(bytes, width, format);
    });
    if (made === 'busy') return { refused: 'busy' };
    if ('refused' in made) return made;
    // Written under a temporary name and renamed: a reader never sees half a picture.
    const path = join(options.dir, name);
    const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(temporary, made.bytes);
    await rename(temporary, path);
    kept.delete(name);
    kept.set(name, made.bytes.length);
    keptBytes += made.bytes.length;
    await evict();
    return made;
  }

  return {
    /**
     * The picture `key` (a stable id) at `width` in `format`, from the kept copy or made from
     * `source` (called only when no copy is kept; null when there is no source picture).
     */
    get: async (key: string, width: number, format: PublicImageFormat, source: () => Promise<ImageSource>): Promise<ResizeOutcome> => {
      const name = `${key}-${width}.${format}`;
      if (!NAME.test(name)) return { refused: 'unreadable' };
      const mediaType = format === 'webp' ? 'image/webp' : 'image/jpeg';
      const size = kept.get(name);
      if (size !== undefined) {
        const bytes = await readFile(join(options.dir, name)).catch(() => null);
        if (bytes) {
          kept.delete(name);
          kept.set(name, size);
          return { bytes, mediaType };
        }
        kept.delete(name);
        keptBytes -= size;
      }
      let pending = inFlight.get(name);
      if (!pending) {
        pending = make(name, source, width, format).finally(() => inFlight.delete(name));
        inFlight.set(name, pending);
      }
      return pending;
    },
    /** How many copies and bytes are kept (for tests and figures). */
    stats: () => ({ files: kept.size, bytes: keptBytes }),
  };
}

export type ResizedImageCache = Awaited<ReturnType<typeof createResizedImageCache>>;

/** One resize: the header is read first, and a picture of too many pixels is refused before decoding. */
export async function resize(bytes: Buffer, width: number, format: PublicImageFormat): Promise<ResizeOutcome> {
  let pixels: number;
  try {
    const meta = await sharp(bytes, { limitInputPixels: false }).metadata();
    pixels = (meta.width ?? 0) * (meta.height ?? 0);
  } catch {
    return { refused: 'unreadable' };
  }
  if (pixels > RESIZE_MAX_INPUT_PIXELS) return { refused: 'too_many_pixels' };
  if (pixels === 0) return { refused: 'unreadable' };
  try {
    const pipeline = sharp(bytes, { limitInputPixels: RESIZE_MAX_INPUT_PIXELS, failOn: 'error' })
      .rotate()
      .resize({ width, withoutEnlargement: true });
    const encoded =
      format === 'webp' ? pipeline.webp({ quality: 74 }) : pipeline.flatten({ background: '#ffffff' }).jpeg({ quality: 78, mozjpeg: true });
    return { bytes: await encoded.toBuffer(), mediaType: format === 'webp' ? 'image/webp' : 'image/jpeg' };
  } catch {
    return { refused: 'unreadable' };
  }
}
