import sharp from 'sharp';
import { SYSTEM_CONTEXT } from '../modules/identity';
import type { RegistryModule } from '../modules/registry/registry.module';

/**
 * Pictures for the demo products, drawn by the project itself (nothing is downloaded): an SVG
 * with a simple illustration of the product's kind (a cup of tea, coffee beans, fruit, a honey
 * jar, a bottle, leaves, a woven pattern, a flower, mountains and a stilt house), the colour of
 * its product group, the product's Vietnamese name and a "demo" label, rendered by sharp.
 * sharp renders the SVG text with the system's fonts (librsvg + fontconfig; DejaVu Sans here
 * shows every Vietnamese letter); where a host has no font, the name still travels in the
 * image's alternative text.
 */

const WIDTH = 1200;
const HEIGHT = 900;

/** Background colours per product group (QĐ 148: 1 food … 6 tourism). */
const GROUP_COLOURS: Record<string, [string, string]> = {
  '1': ['#e8893a', '#b85a1b'],
  '2': ['#3a8fd1', '#1d5c94'],
  '3': ['#4f9a55', '#2d6a33'],
  '4': ['#9b5fb5', '#65367d'],
  '5': ['#d6577d', '#9c2f52'],
  '6': ['#2f9c95', '#1a6660'],
};

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[ch] as string);
}

/** Splits a name into at most three lines of about `width` characters, at spaces. */
export function wrapWords(text: string, width: number, maxLines = 3): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (current && `${current} ${word}`.length > width) {
      lines.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) lines.push(current);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = `${kept[maxLines - 1]}…`;
    return kept;
  }
  return lines;
}

/** The drawing for a product set code ("1.5.1"): by sub-group where food needs it, else by group. */
function illustration(setCode: string): string {
  const cx = WIDTH / 2;
  const white = 'fill="#ffffff" fill-opacity="0.92"';
  const soft = 'fill="#ffffff" fill-opacity="0.35"';
  const sub = setCode.split('.').slice(0, 2).join('.');
  const group = setCode.split('.')[0] ?? '1';
  if (sub === '1.5' || setCode === '1.5.2') {
    // tea: a cup, steam and two leaves
    return `<path d="M${cx - 150} 230 h300 v60 a150 150 0 0 1 -300 0 z" ${white}/>
      <path d="M${cx + 150} 250 a55 55 0 1 1 0 90" stroke="#ffffff" stroke-width="22" fill="none" stroke-opacity="0.92"/>
      <rect x="${cx - 190}" y="430" width="380" height="22" rx="11" ${white}/>
      <path d="M${cx - 60} 200 c-30 -40 30 -60 0 -110" stroke="#ffffff" stroke-width="12" fill="none" stroke-opacity="0.6"/>
      <path d="M${cx + 20} 200 c-30 -40 30 -60 0 -110" stroke="#ffffff" stroke-width="12" fill="none" stroke-opacity="0.6"/>
      <path d="M${cx - 330} 330 q80 -120 170 -40 q-80 110 -170 40 z" ${soft}/>
      <path d="M${cx + 330} 330 q-80 -120 -170 -40 q80 110 170 40 z" ${soft}/>`;
  }
  if (sub === '1.6') {
    // coffee: beans
    const bean = (x: number, y: number, r: number) =>
      `<g transform="rotate(${r} ${x} ${y})"><ellipse cx="${x}" cy="${y}" rx="70" ry="100" ${white}/><path d="M${x} ${y - 90} q-30 90 0 180" stroke="#8a5a2b" stroke-width="10" fill="none"/></g>`;
    return bean(cx - 170, 300, -25) + bean(cx, 260, 10) + bean(cx + 170, 310, 35);
  }
  if (setCode === '1.2.2') {
    // honey: a jar and honeycomb cells
    const cell = (x: number, y: number) =>
      `<polygon points="${[0, 60, 120, 180, 240, 300].map((a) => `${x + 40 * Math.cos((a * Math.PI) / 180)},${y + 40 * Math.sin((a * Math.PI) / 180)}`).join(' ')}" ${soft}/>`;
    return `${cell(cx - 300, 200)}${cell(cx - 230, 240)}${cell(cx + 300, 220)}${cell(cx + 230, 260)}
      <rect x="${cx - 120}" y="150" width="240" height="50" rx="12" ${white}/>
      <path d="M${cx - 140} 210 h280 q20 0 20 20 v200 q0 40 -40 40 h-240 q-40 0 -40 -40 v-200 q0 -20 20 -20 z" ${white}/>
      <rect x="${cx - 100}" y="280" width="200" height="90" rx="10" fill="#f2b233"/>`;
  }
  if (sub === '1.1' || sub === '1.3' || sub === '1.2' || sub === '1.4') {
    // fruit and vegetables: three round fruits with a leaf
    return `<circle cx="${cx - 150}" cy="320" r="110" ${white}/><circle cx="${cx + 150}" cy="320" r="110" ${white}/>
      <circle cx="${cx}" cy="250" r="125" ${white}/>
      <path d="M${cx} 130 q60 -70 130 -40 q-50 70 -130 40 z" ${soft}/>
      <path d="M${cx} 128 v-40" stroke="#ffffff" stroke-width="12" stroke-opacity="0.9"/>`;
  }
  if (group === '2') {
    // drinks: a bottle and a glass
    return `<path d="M${cx - 60} 110 h70 v80 q50 30 50 90 v190 q0 25 -25 25 h-120 q-25 0 -25 -25 v-190 q0 -60 50 -90 z" ${white}/>
      <path d="M${cx + 110} 300 h140 l-20 170 h-100 z" ${white}/>
      <rect x="${cx - 95}" y="300" width="150" height="90" rx="8" ${soft}/>`;
  }
  if (group === '3') {
    // herbal products: a branch of leaves
    const leaf = (x: number, y: number, r: number) =>
      `<path transform="rotate(${r} ${x} ${y})" d="M${x} ${y} q70 -110 150 0 q-80 110 -150 0 z" ${white}/>`;
    return `<path d="M${cx - 250} 460 Q${cx} 300 ${cx + 250} 120" stroke="#ffffff" stroke-width="16" fill="none" stroke-opacity="0.9"/>
      ${leaf(cx - 170, 380, -60)}${leaf(cx - 60, 300, 20)}${leaf(cx + 30, 250, -70)}${leaf(cx + 120, 180, 10)}`;
  }
  if (group === '4') {
    // handicrafts and textiles: a woven diamond pattern
    let cells = '';
    for (let row = 0; row < 4; row++) {
      for (let col = 0; col < 7; col++) {
        const x = cx - 360 + col * 120 + (row % 2) * 60;
        const y = 130 + row * 95;
        cells += `<polygon points="${x},${y - 45} ${x + 55},${y} ${x},${y + 45} ${x - 55},${y}" ${(row + col) % 2 ? white : soft}/>`;
      }
    }
    return cells;
  }
  if (group === '5') {
    // ornamental plants: a flower in a pot
    const petals = [0, 60, 120, 180, 240, 300]
      .map((a) => `<ellipse cx="${cx}" cy="170" rx="45" ry="90" transform="rotate(${a} ${cx} 250)" ${white}/>`)
      .join('');
    return `${petals}<circle cx="${cx}" cy="250" r="50" fill="#f2d335"/><path d="M${cx - 110} 400 h220 l-30 90 h-160 z" ${white}/>`;
  }
  // community tourism: mountains, the sun and a stilt house
  return `<circle cx="${cx + 280}" cy="150" r="70" fill="#f7d46b"/>
    <path d="M${cx - 520} 480 L${cx - 250} 160 L${cx - 40} 480 z" ${soft}/>
    <path d="M${cx - 200} 480 L${cx + 80} 110 L${cx + 380} 480 z" ${soft}/>
    <path d="M${cx - 170} 300 L${cx} 200 L${cx + 170} 300 z" ${white}/>
    <rect x="${cx - 140}" y="300" width="280" height="100" ${white}/>
    <rect x="${cx - 130}" y="400" width="16" height="80" ${white}/><rect x="${cx + 114}" y="400" width="16" height="80" ${white}/>
    <rect x="${cx - 8}" y="400" width="16" height="80" ${white}/>`;
}

/** The SVG source of a demo picture. */
export function demoProductSvg(input: { name: string; setCode: string; producerName?: string | null }): string {
  const group = input.setCode.split('.')[0] ?? '1';
  const [from, to] = GROUP_COLOURS[group] ?? GROUP_COLOURS['1'] ?? ['#888888', '#444444'];
  const name = input.name.replace(/\s*\(Demo\)\s*/gi, ' ').trim();
  const lines = wrapWords(name, 30);
  const fontSize = lines.length > 2 ? 54 : 62;
  const firstY = 640 - ((lines.length - 1) * fontSize * 1.15) / 2;
  const text = lines
    .map(
      (line, i) =>
        `<text x="${WIDTH / 2}" y="${Math.round(firstY + i * fontSize * 1.15)}" font-family="DejaVu Sans, Noto Sans, Arial, sans-serif" font-size="${fontSize}" font-weight="bold" fill="#ffffff" text-anchor="middle">${escapeXml(line)}</text>`,
    )
    .join('');
  const producer = input.producerName
    ? `<text x="${WIDTH / 2}" y="820" font-family="DejaVu Sans, Noto Sans, Arial, sans-serif" font-size="34" fill="#ffffff" fill-opacity="0.85" text-anchor="middle">${escapeXml(input.producerName.replace(/\s*\(Demo\)\s*/gi, ' ').trim())}</text>`
    : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">
  <defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs>
  <rect width="${WIDTH}" height="${HEIGHT}" fill="url(#bg)"/>
  ${illustration(input.setCode)}
  <rect x="0" y="540" width="${WIDTH}" height="360" fill="#000000" fill-opacity="0.18"/>
  ${text}${producer}
  <rect x="24" y="24" width="430" height="52" rx="26" fill="#000000" fill-opacity="0.35"/>
  <text x="239" y="59" font-family="DejaVu Sans, Noto Sans, Arial, sans-serif" font-size="26" fill="#ffffff" text-anchor="middle">Ảnh minh hoạ · Dữ liệu demo</text>
</svg>`;
}

/** A demo picture as PNG bytes. */
export async function renderDemoProductImage(input: { name: string; setCode: string; producerName?: string | null }): Promise<Buffer> {
  return sharp(Buffer.from(demoProductSvg(input)))
    .png({ compressionLevel: 9 })
    .toBuffer();
}

/**
 * Gives every demo product of a province that has no picture yet one generated picture (its
 * primary image); products with pictures are left alone, so running it again adds nothing.
 * Called by the demo seed after `seedRegistryDemo`.
 */
export async function attachDemoImages(
  registry: Pick<RegistryModule, 'files'>,
  options: { provinceCode: string },
): Promise<{ attached: number }> {
  const products = await registry.files.demoProductsWithoutImages(options.provinceCode);
  let attached = 0;
  // Four at a time: sharp draws on its own threads, so the demo seed at first start stays short.
  for (let i = 0; i < products.length; i += 4) {
    await Promise.all(
      products.slice(i, i + 4).map(async (product) => {
        const png = await renderDemoProductImage({ name: product.nameVi, setCode: product.setCode, producerName: product.producerName });
        const alt = `Ảnh minh hoạ (dữ liệu demo): ${product.nameVi.replace(/\s*\(Demo\)\s*/gi, ' ').trim()}`;
        await registry.files.attachGeneratedImage(product.id, png, `${product.slug}.png`, alt, SYSTEM_CONTEXT);
        attached++;
      }),
    );
  }
  return { attached };
}
