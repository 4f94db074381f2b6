import { MAX_XLSX_ENTRIES, MAX_XLSX_UNPACKED_BYTES, sheetLimitError } from './sheet-limits';

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
/** The end record is 22 bytes, followed by a comment of at most 65,535. */
const END_SEARCH_BYTES = 22 + 0xffff;
/** A 32-bit field at its maximum means the real value is in a Zip64 record. */
const ZIP64_MARK = 0xffffffff;

/**
 * Checks an .xlsx archive's central directory before anything is inflated: how many entries it
 * has and how many bytes they say they unpack to. A directory that lies is caught later by the
 * guard on the bytes actually inflated; this check makes the common bomb fail in microseconds.
 * A file with no readable directory is left to the unzip library, which reports it as unreadable.
 */
export function checkZipDirectory(bytes: Buffer): void {
  const end = findEndOfDirectory(bytes);
  if (end === -1) return;
  const entries = bytes.readUInt16LE(end + 10);
  const directorySize = bytes.readUInt32LE(end + 12);
  const directoryOffset = bytes.readUInt32LE(end + 16);
  if (entries === 0xffff || directoryOffset === ZIP64_MARK || directorySize === ZIP64_MARK) {
    // Zip64: only archives far beyond the limits need it.
    throw sheetLimitError('import.file_unpacks_too_large', 'The archive uses Zip64, far beyond the unpacked size limit.');
  }
  if (entries > MAX_XLSX_ENTRIES) throw sheetLimitError('import.too_many_entries', `The archive has ${entries} entries.`);
  let offset = directoryOffset;
  let total = 0;
  for (let i = 0; i < entries; i++) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== DIRECTORY_ENTRY) return;
    const unpacked = bytes.readUInt32LE(offset + 24);
    if (unpacked === ZIP64_MARK) throw sheetLimitError('import.file_unpacks_too_large', 'An entry uses Zip64 sizes.');
    total += unpacked;
    if (total > MAX_XLSX_UNPACKED_BYTES)
      throw sheetLimitError('import.file_unpacks_too_large', `The archive unpacks to more than ${total} bytes.`);
    offset += 46 + bytes.readUInt16LE(offset + 28) + bytes.readUInt16LE(offset + 30) + bytes.readUInt16LE(offset + 32);
  }
}

function findEndOfDirectory(bytes: Buffer): number {
  const stop = Math.max(0, bytes.length - END_SEARCH_BYTES);
  for (let i = bytes.length - 22; i >= stop; i--) {
    if (bytes.readUInt32LE(i) === END_OF_DIRECTORY) return i;
  }
  return -1;
}
