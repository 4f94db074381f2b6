import { once } from 'node:events';
import { createDeflateRaw, crc32 } from 'node:zlib';

/** One part of a hand-made archive: its bytes, given in chunks so that a huge part never sits in memory whole. */
export type ZipPart = { name: string; chunks: () => Iterable<Buffer | string>; lieAboutSize?: number };

async function deflate(chunks: Iterable<Buffer | string>): Promise<{ data: Buffer; crc: number; size: number }> {
  const deflater = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflater.on('data', (chunk: Buffer) => out.push(chunk));
  let crc = 0;
  let size = 0;
  for (const chunk of chunks) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    crc = crc32(bytes, crc);
    size += bytes.length;
    if (!deflater.write(bytes)) await new Promise((resolve) => deflater.once('drain', resolve));
  }
  const ended = once(deflater, 'end');
  deflater.end();
  await ended;
  return { data: Buffer.concat(out), crc, size };
}

/**
 * A zip archive written by hand, so a test can build what no spreadsheet program writes: a part
 * of hundreds of MB from a few hundred KB, or a directory that lies about a part's size.
 */
export async function zipOf(parts: ZipPart[]): Promise<Buffer> {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const { data, crc, size } = await deflate(part.chunks());
    const declared = part.lieAboutSize ?? size;
    const name = Buffer.from(part.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    directory.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directoryBytes, end]);
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
const SHEET_OPEN = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`;
const SHEET_CLOSE = '</sheetData></worksheet>';

/**
 * A minimal workbook of one sheet, in Excel's own part order (the sheet before the shared strings).
 * rows() gives the sheet's <row> elements, sharedStrings() the <si> elements, both in chunks.
 */
export function workbookOf(p: {
  rows: () => Iterable<string | Buffer>;
  sharedStrings?: () => Iterable<string | Buffer>;
  lieAboutSizes?: boolean;
}): Promise<Buffer> {
  const lie = p.lieAboutSizes ? 1_000 : undefined;
  return zipOf([
    { name: '[Content_Types].xml', chunks: () => [CONTENT_TYPES] },
    { name: '_rels/.rels', chunks: () => [ROOT_RELS] },
    { name: 'xl/workbook.xml', chunks: () => [WORKBOOK] },
    { name: 'xl/_rels/workbook.xml.rels', chunks: () => [WORKBOOK_RELS] },
    { name: 'xl/worksheets/sheet1.xml', chunks: () => [SHEET_OPEN, ...p.rows(), SHEET_CLOSE], ...(lie ? { lieAboutSize: lie } : {}) },
    {
      name: 'xl/sharedStrings.xml',
      chunks: () => [
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
        ...(p.sharedStrings?.() ?? []),
        '</sst>',
      ],
      ...(lie ? { lieAboutSize: lie } : {}),
    },
  ]);
}

/** `count` rows from row `first`, each with a cell in column A and one in XFD, the last of 16,384 columns. */
export function* rowsReachingXfd(count = 20_000, first = 1): Generator<string> {
  let batch = '';
  for (let r = first; r < first + count; r++) {
    batch += `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>a</t></is></c><c r="XFD${r}" t="inlineStr"><is><t>z</t></is></c></row>`;
    if ((r - first + 1) % 1000 === 0) {
      yield batch;
      batch = '';
    }
  }
  if (batch) yield batch;
}

/** One shared string of `megabytes` MB, in 1 MB chunks, referenced from cell A1. */
export function hugeSharedString(megabytes: number) {
  const megabyte = Buffer.alloc(1024 * 1024, 'a');
  return {
    rows: () => ['<row r="1"><c r="A1" t="s"><v>0</v></c></row>'],
    sharedStrings: function* () {
      yield '<si><t>';
      for (let i = 0; i < megabytes; i++) yield megabyte;
      yield '</t></si>';
    },
  };
}
