/**
 * Blobs of the local Workspace, as Utilities.newBlob, Document.getAs, HtmlOutput.getBlob hand them out and as
 * Drive and MailApp take them in.
 */
import { unwrap } from '../runtime';

/** Apps Script's byte arrays are Java bytes: integers from -128 to 127. */
export function toSignedBytes(buffer: Buffer): number[] {
  return Array.from(new Int8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength));
}

function charsetEncoding(charset: unknown): BufferEncoding {
  const name = String(charset ?? 'UTF_8')
    .toUpperCase()
    .replace('-', '_');
  if (name === 'US_ASCII') return 'ascii';
  if (name === 'ISO_8859_1') return 'latin1';
  return 'utf8';
}

/** Bytes of a string (in a charset) or of a byte array, as the Utilities methods accept either. */
export function toBuffer(data: unknown, charset?: unknown): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (data instanceof Uint8Array) return Buffer.from(data);
  if (Array.isArray(data)) return Buffer.from(Int8Array.from(data.map((b) => Number(b))).buffer);
  return Buffer.from(String(data ?? ''), charsetEncoding(charset));
}

/** A Blob as Apps Script hands it around: bytes, a content type and a name. */
export class LocalBlob {
  constructor(
    private bytes: Buffer,
    private contentType: string | null,
    private name: string | null,
  ) {}

  getBytes(): number[] {
    return toSignedBytes(this.bytes);
  }
  setBytes(data: number[]): this {
    this.bytes = toBuffer(data);
    return this;
  }
  getDataAsString(charset?: string): string {
    return this.bytes.toString(charsetEncoding(charset));
  }
  setDataFromString(value: string, charset?: string): this {
    this.bytes = toBuffer(value, charset);
    return this;
  }
  getContentType(): string | null {
    return this.contentType;
  }
  setContentType(contentType: string | null): this {
    this.contentType = contentType;
    return this;
  }
  getName(): string | null {
    return this.name;
  }
  setName(name: string): this {
    this.name = name;
    return this;
  }
  isGoogleType(): boolean {
    return false;
  }
  copyBlob(): LocalBlob {
    return new LocalBlob(Buffer.from(this.bytes), this.contentType, this.name);
  }
  getAs(contentType: string): LocalBlob {
    if (contentType !== this.contentType) {
      throw new Error(`Converting from ${this.contentType ?? 'unknown'} to ${contentType} is not supported.`);
    }
    return this.copyBlob();
  }
  /** The raw bytes, for Node-side code (mail attachments, exporters). Not visible to the script. */
  _buffer(): Buffer {
    return this.bytes;
  }
}

export interface BlobContent {
  bytes: Buffer;
  contentType: string | null;
  name: string | null;
}

/**
 * Reads a Blob handed in by the script, one of ours or another fake's with the same surface, through its
 * public methods. `argument` names the parameter in the error for anything else ("Invalid argument: mediaData").
 */
export function readBlob(value: unknown, argument: string): BlobContent {
  const raw = unwrap(value);
  if (raw instanceof LocalBlob) {
    return { bytes: Buffer.from(raw._buffer()), contentType: raw.getContentType(), name: raw.getName() };
  }
  const blob = raw as Partial<{
    getBytes(): number[];
    getContentType(): string | null;
    getName(): string | null;
  }> | null;
  if (typeof blob?.getBytes !== 'function') throw new Error(`Invalid argument: ${argument}`);
  return {
    bytes: toBuffer(blob.getBytes()),
    contentType: blob.getContentType?.() ?? null,
    name: blob.getName?.() ?? null,
  };
}

/** Reads a BlobSource (MailApp's attachments): a Blob, or anything with getBlob, such as a Document. */
export function readBlobSource(value: unknown, argument: string): BlobContent {
  const source = unwrap(value) as { getBytes?: unknown; getBlob?: () => unknown } | null;
  if (typeof source?.getBytes !== 'function' && typeof source?.getBlob === 'function') {
    return readBlobSource(source.getBlob(), argument);
  }
  return readBlob(source, argument);
}
