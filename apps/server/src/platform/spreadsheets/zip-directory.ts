import { MAX_XLSX_ENTRIES, MAX_XLSX_UNPACKED_BYTES, sheetLimitError } from './sheet-limits';

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
/** The end record is 22 bytes, followed by a comment of at most 65,535. */
const END_SEARCH_BYTES = 22 + 0xffff;
/** A 32-bit field at its maximum means the real value is in a Zip64 record. */
const ZIP64_MARK = 0xffffffff;

type ZipEntry = { name: string; localOffset: number };

/**
 * Checks an .xlsx archive's central directory before anything is inflated: how many entries it
 * has and how many bytes they say they unpack to. A directory that lies is caught later by the
 * guard on the bytes actually inflated. Null when the bytes have no readable directory (the unzip
 * library then reports the file as unreadable).
 */
export function readZipDirectory(bytes: Buffer): { entries: ZipEntry[]; directoryOffset: number } | null {
  const end = findEndOfDirectory(bytes);
  if (end === -1) return null;
  const count = bytes.readUInt16LE(end + 10);
  const directorySize = bytes.readUInt32LE(end + 12);
  const directoryOffset = bytes.readUInt32LE(end + 16);
  if (count === 0xffff || directoryOffset === ZIP64_MARK || directorySize === ZIP64_MARK) {
    // Zip64: only archives far beyond the limits need it.
    throw sheetLimitError('import.file_unpacks_too_large', 'The archive uses Zip64, far beyond the unpacked size limit.');
  }
  if (count > MAX_XLSX_ENTRIES) throw sheetLimitError('import.too_many_entries', `The archive has ${count} entries.`);
  const entries: ZipEntry[] = [];
  let offset = directoryOffset;
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== DIRECTORY_ENTRY) return null;
    const unpacked = bytes.readUInt32LE(offset + 24);
    if (unpacked === ZIP64_MARK) throw sheetLimitError('import.file_unpacks_too_large', 'An entry uses Zip64 sizes.');
    total += unpacked;
    if (total > MAX_XLSX_UNPACKED_BYTES)
      throw sheetLimitError('import.file_unpacks_too_large', `The archive unpacks to more than ${total} bytes.`);
    const nameLength = bytes.readUInt16LE(offset + 28);
    const localOffset = bytes.readUInt32LE(offset + 42);
    if (localOffset + 30 > directoryOffset || bytes.readUInt32LE(localOffset) !== LOCAL_HEADER) return null;
    entries.push({ name: bytes.toString('latin1', offset + 46, offset + 46 + nameLength), localOffset });
    offset += 46 + nameLength + bytes.readUInt16LE(offset + 30) + bytes.readUInt16LE(offset + 32);
  }
  return { entries, directoryOffset };
}

/** Where each part the reader uses comes in the rebuilt archive: what it needs to read a sheet first. */
function partRank(name: string): number {
  if (name === 'xl/_rels/workbook.xml.rels') return 0;
  if (name === 'xl/workbook.xml') return 1;
  if (name === 'xl/styles.xml') return 2;
  if (name === 'xl/sharedStrings.xml') return 3;
  if (/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) return 4;
  return -1;
}

/**
 * The archive rebuilt, without inflating anything, from only the parts the workbook reader parses,
 * in the order that lets it stream every sheet: exceljs otherwise copies a sheet that comes before
 * the shared strings (Excel's own order) to a temporary file, inflating it where no limit applies,
 * and inflates every other part only to drop it. Each kept entry is copied as it is (local header,
 * data, data descriptor); the reader reads local headers in turn and stops at the central directory.
 */
export function workbookParts(bytes: Buffer): { bytes: Buffer; hasSharedStrings: boolean } {
  const directory = readZipDirectory(bytes);
  if (!directory) return { bytes, hasSharedStrings: true };
  const starts = directory.entries.map((entry) => entry.localOffset).sort((a, b) => a - b);
  const endOf = (offset: number) => starts.find((start) => start > offset) ?? directory.directoryOffset;
  const names = new Set(directory.entries.map((entry) => entry.name));
  const hasRels = names.has('xl/_rels/workbook.xml.rels');
  const kept = directory.entries
    .map((entry) => ({ entry, rank: partRank(entry.name) }))
    // Without the workbook's relationships the reader cannot name a sheet, and would spool it to disk.
    .filter(({ rank }) => rank !== -1 && (rank !== 4 || hasRels))
    .sort((a, b) => a.rank - b.rank || a.entry.localOffset - b.entry.localOffset);
  const pieces = kept.map(({ entry }) => bytes.subarray(entry.localOffset, endOf(entry.localOffset)));
  // The original directory closes the archive: the reader stops at its first entry, as it would have.
  const closing = bytes.subarray(directory.directoryOffset);
  return { bytes: Buffer.concat([...pieces, closing]), hasSharedStrings: names.has('xl/sharedStrings.xml') };
}

function findEndOfDirectory(bytes: Buffer): number {
  const stop = Math.max(0, bytes.length - END_SEARCH_BYTES);
  for (let i = bytes.length - 22; i >= stop; i--) {
    if (bytes.readUInt32LE(i) === END_OF_DIRECTORY) return i;
  }
  return -1;
}
