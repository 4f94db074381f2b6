import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { crc32 } from 'node:zlib';

/** A multipart/form-data body built by hand: text fields and at most one file. */
export function multipart(input: {
  fields?: Record<string, string>;
  file?: { field?: string; filename: string; contentType?: string; bytes: Buffer };
}): { body: Buffer; headers: Record<string, string> } {
  const boundary = `----ocop-test-${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(input.fields ?? {})) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (input.file) {
    const { field = 'file', filename, contentType = 'application/octet-stream', bytes } = input.file;
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`,
      ),
      bytes,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** A JPEG photo of the given size; with `gps`, it carries camera EXIF with a GPS position; `orientation` 6 = turned 90°. */
export async function aJpeg(options: { width?: number; height?: number; gps?: boolean; orientation?: number } = {}): Promise<Buffer> {
  const { width = 1600, height = 1200 } = options;
  // A noisy picture compresses like a photo, so its variants really are smaller.
  const noise = randomBytes(width * height * 3);
  let image = sharp(noise, { raw: { width, height, channels: 3 } }).jpeg({ quality: 85 });
  if (options.gps) {
    image = image.withExif({
      IFD0: { Make: 'DemoCam', Model: 'X1' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '21/1 19/1 3000/100', GPSLongitudeRef: 'E', GPSLongitude: '103/1 54/1 0/1' },
    });
  }
  if (options.orientation) image = image.withMetadata({ orientation: options.orientation });
  return image.toBuffer();
}

export async function aPng(width = 640, height = 480): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 40, g: 120, b: 60 } } })
    .png()
    .toBuffer();
}

/** The first bytes of a PDF: enough for the type to be recognised. */
export function aPdf(): Buffer {
  return Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1');
}

/** A Linux program (ELF header) and a Windows one (MZ header), to be sent under a .pdf name. */
export function anElfExecutable(): Buffer {
  return Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), Buffer.alloc(248)]);
}

export function aWindowsExecutable(): Buffer {
  const bytes = Buffer.alloc(512);
  bytes.write('MZ', 0, 'latin1');
  bytes.writeUInt32LE(0x80, 0x3c);
  bytes.write('PE\0\0', 0x80, 'latin1');
  return bytes;
}

/** A zip with stored (uncompressed) entries; enough for a minimal DOCX. */
export function aZip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = Buffer.from(text, 'utf8');
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const centralDir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(centralDir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, centralDir, end]);
}

export function aDocx(): Buffer {
  return aZip({
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    'word/document.xml':
      '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Bản công bố tiêu chuẩn</w:t></w:r></w:p></w:body></w:document>',
  });
}

/**
 * A small PNG whose header declares `width` × `height` pixels (a "decompression bomb": a few
 * bytes that claim gigapixels); its data is that of a 1 × 1 picture, so no decoder gets far.
 */
export async function aPngDeclaring(width: number, height: number): Promise<Buffer> {
  const png = Buffer.from(await aPng(1, 1));
  // The IHDR chunk: length (4) and type (4) at byte 8, width and height at 16 and 20, its CRC at 29.
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
  return png;
}
