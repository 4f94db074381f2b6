import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { html, type SafeHtml } from '../../../platform/html/html';
import { PUBLIC_CACHE } from '../../../platform/http/public-edge';
import {
  createResizedImageCache,
  type PublicImageFormat,
  publicImageWidth,
  type ResizedImageCacheOptions,
} from '../../../platform/files/resized-images';
import type { CatalogueProduct, CatalogueSources } from '../catalogue-ports';
import type { CatalogueService } from './catalogue.service';

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SIZE_NAME = /^(\d{1,5})\.(webp|jpg)$/;

/**
 * The address of a product picture at a width: it carries the file id, so a new picture is a new
 * address and a copy may be kept for a year. The width is one of `PUBLIC_IMAGE_WIDTHS`.
 */
export function productImageUrl(product: Pick<CatalogueProduct, 'id' | 'primaryImage'>, width: number, format: PublicImageFormat = 'webp') {
  return product.primaryImage ? `/anh-san-pham/${product.id}/${product.primaryImage.fileId}/${width}.${format}` : null;
}

/**
 * An `<img>` of the product's picture sized for phones: `srcset` of the given widths, `sizes`, the
 * picture's shape as width/height (no layout shift), lazy unless it is the page's first picture.
 */
export function productPicture(
  product: CatalogueProduct,
  options: { widths: readonly number[]; sizes: string; box: number; alt: string; eager?: boolean; square?: boolean; style: string },
): SafeHtml | null {
  const image = product.primaryImage;
  if (!image) return null;
  const srcset = options.widths.map((width) => `${productImageUrl(product, width)} ${width}w`).join(', ');
  // The picture's own shape at `box` wide; a square box (cropped by object-fit) is as high as wide.
  const height = !options.square && image.width && image.height ? Math.round((options.box * image.height) / image.width) : options.box;
  return html`<img src="${productImageUrl(product, options.widths[0] ?? 400)}" srcset="${srcset}" sizes="${options.sizes}" alt="${options.alt}" width="${options.box}" height="${height}"${
    options.eager ? html` fetchpriority="high"` : html` loading="lazy"`
  } decoding="async" style="${options.style}">`;
}

const notFound = (reply: FastifyReply) =>
  reply.status(404).header('cache-control', PUBLIC_CACHE.none).type('text/plain; charset=utf-8').send('Không tìm thấy ảnh / Not found');

/**
 * `GET /anh-san-pham/:productId/:fileId/:width.(webp|jpg)`: a certified product's primary picture at
 * a width of `PUBLIC_IMAGE_WIDTHS` (any other number: 400), made with sharp on first request and
 * kept on disk (bounded). Only the product's own primary picture: any other file id is a 404. A
 * source sharp refuses (too many pixels, unreadable, too large) answers 422 and is never sent.
 */
export function productImageRoutes(
  catalogue: CatalogueService,
  sources: CatalogueSources,
  cacheOptions: ResizedImageCacheOptions,
): FastifyPluginAsync {
  return async (app) => {
    const cache = await createResizedImageCache(cacheOptions);
    app.get('/anh-san-pham/:productId/:fileId/:size', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
      const { productId, fileId, size } = request.params as { productId: string; fileId: string; size: string };
      const sized = SIZE_NAME.exec(size);
      if (!sized || !ID.test(productId) || !ID.test(fileId)) return notFound(reply);
      const product = await catalogue.byId(productId);
      if (product?.primaryImage?.fileId !== fileId) return notFound(reply);
      const width = publicImageWidth(Number(sized[1]));
      const outcome = await cache.get(fileId, width, sized[2] as PublicImageFormat, () => sources.primaryImageBytes(fileId));
      if ('refused' in outcome) {
        if (outcome.refused === 'busy')
          return reply.status(503).header('retry-after', '5').header('cache-control', PUBLIC_CACHE.none).send('Busy');
        request.log.warn({ productId, fileId, refused: outcome.refused }, 'product picture not resized');
        return reply
          .status(422)
          .header('cache-control', PUBLIC_CACHE.none)
          .type('text/plain; charset=utf-8')
          .send('Không xử lý được ảnh này / This picture cannot be processed');
      }
      return reply.header('cache-control', 'public, max-age=31536000, immutable').type(outcome.mediaType).send(outcome.bytes);
    });
  };
}
