import { gzipSync } from 'node:zlib';
import { startSystem } from './harness';

/**
 * The bytes of every public page on the demo data (raw and gzip, against the 30 KB budget before
 * pictures): `npx tsx page-bytes.ts` after `npm run build`. The bench measures the same pages at
 * 20,000 products; this shows them as the demo fills them (sales points, news, inquiries' forms).
 */
const system = await startSystem();
try {
  const html = async (path: string) => (await fetch(`${system.baseUrl}${path}`)).text();
  const product = /href="(\/san-pham\/[^"?]+)"/.exec(await html('/san-pham'))?.[1] ?? '/san-pham/none';
  const producer = /href="(\/chu-the\/[^"?]+)"/.exec(await html(product))?.[1] ?? '/chu-the/none';
  const point = /href="(\/diem-ban\/[0-9a-f-]{36})"/.exec(await html('/diem-ban'))?.[1] ?? '/diem-ban/none';
  const article = /href="(\/tin-tuc\/[^"?]+)"/.exec(await html('/tin-tuc'))?.[1] ?? '/tin-tuc/none';
  const law = /href="(\/van-ban\/[^"?]+)"/.exec(await html('/van-ban'))?.[1] ?? '/van-ban/none';
  for (const path of ['/san-pham', product, producer, '/diem-ban', point, '/tin-tuc', article, '/van-ban', law, '/tin-tuc/rss.xml']) {
    const response = await fetch(`${system.baseUrl}${path}`);
    const body = Buffer.from(await response.arrayBuffer());
    const gzip = gzipSync(body).length;
    console.log(
      `- ${path}: ${response.status}, ${body.length.toLocaleString('en')} bytes, ${gzip.toLocaleString('en')} gzip${gzip > 30 * 1024 ? ' (OVER the 30 KB budget)' : ''}`,
    );
  }
} finally {
  await system.stop();
}
