/**
 * What a file really is, judged from its bytes. A name's extension or a browser's declared type
 * never decides: a PDF renamed `photo.jpg` is a PDF, and an executable renamed `report.pdf` is
 * refused.
 */
import { fileTypeFromBuffer } from 'file-type';

export interface SniffedType {
  mime: string;
  /** The usual extension for the type, for download names; null when unknown. */
  ext: string | null;
}

/** How many leading bytes are examined. Office formats are zips whose telling entry may come late. */
export const sniffHeadBytes = 256 * 1024;

const octetStream: SniffedType = { mime: 'application/octet-stream', ext: null };

/** `head` is the start of the file (up to sniffHeadBytes); `isComplete` when it is the whole file. */
export async function sniffContentType(head: Uint8Array, isComplete = head.length < sniffHeadBytes): Promise<SniffedType> {
  const detected = await fileTypeFromBuffer(head);
  if (detected) return { mime: detected.mime, ext: detected.ext };
  return sniffText(head, isComplete);
}

function sniffText(head: Uint8Array, isComplete: boolean): SniffedType {
  const text = decodeUtf8Strictly(head, isComplete);
  if (text === null || text.includes('\u0000')) return octetStream;
  const start = text.replace(/^\uFEFF/, '').trimStart().slice(0, 512).toLowerCase();
  if (start.startsWith('<!doctype html') || start.startsWith('<html') || /<(head|body)[\s>]/.test(start)) {
    return { mime: 'text/html', ext: 'html' };
  }
  if (isComplete && (start.startsWith('{') || start.startsWith('[')) && isJson(text)) return { mime: 'application/json', ext: 'json' };
  if (looksLikeCsv(text)) return { mime: 'text/csv', ext: 'csv' };
  return { mime: 'text/plain', ext: 'txt' };
}

/** UTF-8 text or null; a character cut in half at the end of an incomplete head is forgiven. */
function decodeUtf8Strictly(bytes: Uint8Array, isComplete: boolean): string | null {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (let cut = 0; cut <= (isComplete ? 0 : 3) && cut < bytes.length; cut++) {
    try {
      return decoder.decode(bytes.subarray(0, bytes.length - cut));
    } catch {
      // try again without the last byte(s)
    }
  }
  return bytes.length === 0 ? '' : null;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** At least two lines, and the first lines all have the same, non-zero number of separators. */
function looksLikeCsv(text: string): boolean {
  const lines = text.split(/\r?\n/).filter((line) => line !== '').slice(0, 20);
  if (lines.length < 2) return false;
  return [',', ';', '\t'].some((separator) => {
    const counts = lines.map((line) => line.split(separator).length - 1);
    return counts[0]! > 0 && counts.every((count) => count === counts[0]);
  });
}

// ---------------------------------------------------------------------------------------------
// What may be uploaded as a source

export const uploadableTypes: readonly string[] = [
  'application/pdf',
  'image/*',
  'audio/*',
  'video/*',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
  'application/x-cfb', // legacy .doc, .xls, .ppt
  'application/rtf',
  'application/epub+zip',
  'text/plain',
  'text/csv',
  'text/html',
  'application/json',
];

export function isTypeAllowed(mime: string, allowed: readonly string[] = uploadableTypes): boolean {
  return allowed.some((pattern) => (pattern.endsWith('/*') ? mime.startsWith(pattern.slice(0, -1)) : mime === pattern));
}
