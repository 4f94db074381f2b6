import { DomainError } from '@ocop/domain/shared';
import sharp from 'sharp';
import type { AllowedExtension } from './file-sniffing';

export const IMAGE_VARIANTS = ['thumb', 'medium'] as const;
export type ImageVariantName = (typeof IMAGE_VARIANTS)[number];

/** Longest side of each variant; lists use the thumbnail, phones and detail pages the medium one. */
export const VARIANT_SIZES: Record<ImageVariantName, number> = { thumb: 320, medium: 1024 };

/** Larger pictures are refused before decoding, so a small "decompression bomb" cannot exhaust memory. */
export const MAX_IMAGE_PIXELS = 50_000_000;

export type EncodedImage = { bytes: Buffer; width: number; height: number; mediaType: string; extension: string };
export type PreparedImage = { original: EncodedImage; variants: Record<ImageVariantName, EncodedImage> };

/**
 * Turns an uploaded picture into what is stored: the picture itself, turned upright from its EXIF
 * orientation and re-encoded without any metadata (camera GPS positions must not leak through a
 * product photo), plus WebP variants for lists and phones. The uploaded bytes are not kept.
 */
export async function prepareImage(bytes: Buffer, extension: AllowedExtension): Promise<PreparedImage> {
  let width: number;
  let height: number;
  try {
    const meta = await sharp(bytes, { limitInputPixels: false }).metadata();
    width = meta.autoOrient?.width ?? meta.width ?? 0;
    height = meta.autoOrient?.height ?? meta.height ?? 0;
  } catch {
    throw new DomainError('invalid', 'file.not_an_image', 'The picture cannot be read.', { detected: extension.toUpperCase() });
  }
  if (width * height > MAX_IMAGE_PIXELS) {
    throw new DomainError('invalid', 'file.image_too_many_pixels', 'The picture has too many pixels.', {
      width,
      height,
      maxMegapixels: MAX_IMAGE_PIXELS / 1_000_000,
    });
  }
  try {
    const base = () => sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'error' }).rotate();
    const original = await encodeLikeUpload(base(), extension);
    const variants = {} as Record<ImageVariantName, EncodedImage>;
    for (const name of IMAGE_VARIANTS) {
      const size = VARIANT_SIZES[name];
      const { data, info } = await base()
        .resize({ width: size, height: size, fit: 'inside', withoutEnlargement: true })
        .webp({ quality: name === 'thumb' ? 72 : 80 })
        .toBuffer({ resolveWithObject: true });
      variants[name] = { bytes: data, width: info.width, height: info.height, mediaType: 'image/webp', extension: 'webp' };
    }
    return { original, variants };
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw new DomainError('invalid', 'file.not_an_image', 'The picture cannot be read.', { detected: extension.toUpperCase() });
  }
}

async function encodeLikeUpload(pipeline: sharp.Sharp, extension: AllowedExtension): Promise<EncodedImage> {
  // sharp writes no metadata unless asked (withMetadata), so EXIF, GPS and XMP are dropped here.
  const encoded =
    extension === 'png'
      ? pipeline.png({ compressionLevel: 9 })
      : extension === 'webp'
        ? pipeline.webp({ quality: 90 })
        : pipeline.jpeg({ quality: 90, mozjpeg: true });
  const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
  const mediaType = extension === 'png' ? 'image/png' : extension === 'webp' ? 'image/webp' : 'image/jpeg';
  return { bytes: data, width: info.width, height: info.height, mediaType, extension };
}
