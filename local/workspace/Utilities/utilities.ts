/**
 * Utilities of the local Workspace: formatDate, formatString, blobs, base64, digests and UUIDs.
 */
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { LocalBlob, toBuffer, toSignedBytes } from '../Base/blob';
import { Runtime, expose, isDate } from '../runtime';
import { formatDate } from './format-date';
import { formatString } from './format-string';

const DIGEST: Record<string, string> = {
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
};

class UtilitiesApp {
  readonly DigestAlgorithm = {
    MD2: 'MD2',
    MD5: 'MD5',
    SHA_1: 'SHA_1',
    SHA_256: 'SHA_256',
    SHA_384: 'SHA_384',
    SHA_512: 'SHA_512',
  };
  readonly Charset = { US_ASCII: 'US_ASCII', UTF_8: 'UTF_8' };
  readonly MacAlgorithm = { HMAC_SHA_256: 'HMAC_SHA_256' };

  constructor(private readonly runtime: Runtime) {}

  formatDate(date: Date, timeZone: string, format: string): string {
    if (!isDate(date)) throw new Error('Invalid argument: date');
    return formatDate(date, timeZone, format);
  }

  formatString(template: string, ...args: unknown[]): string {
    return formatString(template, ...args);
  }

  /** Apps Script pauses the execution; here the script's clock moves on instead, so no test waits. */
  sleep(milliseconds: number): void {
    this.runtime.advance(milliseconds);
  }

  newBlob(data: unknown, contentType?: string, name?: string): LocalBlob {
    return expose<LocalBlob>(
      new LocalBlob(toBuffer(data), contentType ?? null, name ?? null),
      'Blob',
      this.runtime,
    );
  }

  base64Encode(data: unknown, charset?: string): string {
    return toBuffer(data, charset).toString('base64');
  }

  base64EncodeWebSafe(data: unknown, charset?: string): string {
    return toBuffer(data, charset).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
  }

  base64Decode(encoded: string): number[] {
    return toSignedBytes(Buffer.from(String(encoded), 'base64'));
  }

  base64DecodeWebSafe(encoded: string): number[] {
    return toSignedBytes(Buffer.from(String(encoded), 'base64url'));
  }

  computeDigest(algorithm: string, value: unknown, charset?: string): number[] {
    const node = DIGEST[String(algorithm)];
    if (!node)
      throw new Error(
        `not implemented in the local Workspace: Utilities.computeDigest(${String(algorithm)})`,
      );
    return toSignedBytes(createHash(node).update(toBuffer(value, charset)).digest());
  }

  computeHmacSha256Signature(value: unknown, key: unknown, charset?: string): number[] {
    return toSignedBytes(
      createHmac('sha256', toBuffer(key, charset)).update(toBuffer(value, charset)).digest(),
    );
  }

  getUuid(): string {
    return randomUUID();
  }
}

export class LocalUtilities {
  /** The global the bundle sees as Utilities. */
  readonly app: GoogleAppsScript.Utilities.Utilities;

  constructor(runtime: Runtime) {
    this.app = expose<GoogleAppsScript.Utilities.Utilities>(new UtilitiesApp(runtime), 'Utilities', runtime);
  }
}
