/**
 * InlineImage: a picture inside a paragraph (the chart PNG the committee paper carries). Body.appendImage puts
 * one in a new paragraph, Paragraph.appendInlineImage at the end of a paragraph.
 *
 * Docs takes PNG, JPEG and GIF images under 50 MB and up to 25 megapixels (Docs API, "Insert inline images").
 * Anything else fails with "Invalid image data.", the message live Apps Script gives for a text/plain blob
 * (gas-fakes test/testdocsimages.js accepts it from the live run); the same message is used for an image over
 * the limits, which Apps Script reports as invalid image data too (tanaikech's measurements of the area limit).
 *
 * References:
 *   https://developers.google.com/apps-script/reference/document/inline-image
 *   https://developers.google.com/apps-script/reference/document/body#appendImage(BlobSource)
 *   https://developers.google.com/apps-script/reference/document/paragraph#appendInlineImage(BlobSource)
 *   https://developers.google.com/docs/api/concepts/rules-behavior#insert_inline_images
 *   https://gist.github.com/tanaikech/9414d22de2ff30216269ca7be4bce462
 */
import { imageSize } from 'image-size';
import { LocalBlob, readBlobSource } from '../Base/blob';
import { expose, unwrap } from '../runtime';
import type { DocSession } from './document-session';
import { checkNumber, checkText, signatureError } from './helpers';
import { type ImageNode, type ParagraphNode, parentOf } from './nodes';

const MAX_BYTES = 50 * 1024 * 1024;
const MAX_PIXELS = 25_000_000;
const TYPES = { png: 'image/png', jpg: 'image/jpeg', gif: 'image/gif' } as const;
const INVALID = 'Invalid image data.';

export class InlineImageElement {
  constructor(
    private readonly s: DocSession,
    /** The paragraph holding the image; null for a detached copy. */
    private readonly paragraph: ParagraphNode | null,
    readonly _image: ImageNode,
  ) {}

  getType(): string {
    return 'INLINE_IMAGE';
  }

  getParent(): unknown {
    return this.attached() ? this.s.wrap(this.paragraph as ParagraphNode) : null;
  }

  /** Pixels as shown. */
  getWidth(): number {
    return this._image.width;
  }

  getHeight(): number {
    return this._image.height;
  }

  /** Sets the width shown; the height stays (Docs does not keep the aspect ratio for a script). */
  setWidth(width: number): this {
    this.s.edit();
    this._image.width = checkNumber(width, 'InlineImage.setWidth');
    return this;
  }

  setHeight(height: number): this {
    this.s.edit();
    this._image.height = checkNumber(height, 'InlineImage.setHeight');
    return this;
  }

  getBlob(): unknown {
    const { bytes, contentType, name } = this._image;
    return expose(new LocalBlob(Buffer.from(bytes), contentType, name), 'Blob', this.s.runtime);
  }

  /** The image in its own type only: "Converting from image/png to image/jpeg is not supported." otherwise. */
  getAs(contentType: string): unknown {
    const blob = unwrap(this.getBlob()) as LocalBlob;
    return expose(blob.getAs(contentType), 'Blob', this.s.runtime);
  }

  getAltTitle(): string | null {
    return this._image.altTitle;
  }

  setAltTitle(title: string): this {
    this.s.edit();
    this._image.altTitle = checkText(title, 'InlineImage.setAltTitle');
    return this;
  }

  getAltDescription(): string | null {
    return this._image.altDescription;
  }

  setAltDescription(description: string): this {
    this.s.edit();
    this._image.altDescription = checkText(description, 'InlineImage.setAltDescription');
    return this;
  }

  getLinkUrl(): string | null {
    return this._image.linkUrl;
  }

  setLinkUrl(url: string | null): this {
    this.s.edit();
    this._image.linkUrl = url === null ? null : checkText(url, 'InlineImage.setLinkUrl');
    return this;
  }

  /** A detached copy, ready for appendImage or appendInlineImage. */
  copy(): unknown {
    return expose(
      new InlineImageElement(this.s, null, { ...this._image, bytes: new Uint8Array(this._image.bytes) }),
      'InlineImage',
      this.s.runtime,
    );
  }

  removeFromParent(): this {
    this.s.edit();
    const images = this.paragraph?.images;
    const index = images ? images.indexOf(this._image) : -1;
    if (images && index >= 0) images.splice(index, 1);
    return this;
  }

  /** In a paragraph that is in the document (a removed paragraph takes its images out with it). */
  attached(): boolean {
    const p = this.paragraph;
    return (
      Boolean(p?.images?.includes(this._image)) && parentOf(this.s.doc.body, p as ParagraphNode) !== null
    );
  }
}

/**
 * The image a script hands to appendImage / appendInlineImage: a detached InlineImage (copied) or a BlobSource
 * whose bytes Docs accepts, shown at its own size in pixels.
 */
export function imageNodeOf(value: unknown, method: string): ImageNode {
  const raw = unwrap(value);
  if (raw instanceof InlineImageElement) {
    if (raw.attached()) throw new Error('Element must be detached.');
    return { ...raw._image, bytes: new Uint8Array(raw._image.bytes), offset: 0 };
  }
  let blob: ReturnType<typeof readBlobSource>;
  try {
    blob = readBlobSource(value, 'image');
  } catch {
    throw signatureError(method, [value]);
  }
  const { width, height, type } = measure(blob.bytes);
  return {
    offset: 0,
    bytes: new Uint8Array(blob.bytes),
    contentType: TYPES[type],
    name: blob.name,
    width,
    height,
    altTitle: null,
    altDescription: null,
    linkUrl: null,
  };
}

function measure(bytes: Buffer): { width: number; height: number; type: keyof typeof TYPES } {
  if (bytes.length === 0 || bytes.length >= MAX_BYTES) throw new Error(INVALID);
  let size: ReturnType<typeof imageSize>;
  try {
    size = imageSize(bytes);
  } catch {
    throw new Error(INVALID);
  }
  const type = size.type as keyof typeof TYPES | undefined;
  if (!type || !(type in TYPES) || size.width * size.height > MAX_PIXELS) throw new Error(INVALID);
  return { width: size.width, height: size.height, type };
}

/** Puts an image into a paragraph before its child at `at` (runs of text and images), or at the end. */
export function insertImage(paragraph: ParagraphNode, image: ImageNode, at: 'end' | number): ImageNode {
  const images = (paragraph.images ??= []);
  const before = at === 'end' ? undefined : paragraphChildren(paragraph)[at];
  const placed = { ...image, offset: paragraph.text.length };
  if (before?.kind === 'IMAGE') {
    placed.offset = before.image.offset;
    images.splice(images.indexOf(before.image), 0, placed);
  } else {
    if (before) placed.offset = before.start;
    images.splice(images.filter((i) => i.offset <= placed.offset).length, 0, placed);
  }
  return placed;
}

export type ParagraphChild =
  { kind: 'TEXT'; start: number; end: number } | { kind: 'IMAGE'; image: ImageNode };

/** A paragraph's children as Docs counts them: runs of text between images, and the images. */
export function paragraphChildren(paragraph: ParagraphNode): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  let start = 0;
  for (const image of paragraph.images ?? []) {
    const offset = Math.min(image.offset, paragraph.text.length);
    if (offset > start) out.push({ kind: 'TEXT', start, end: offset });
    out.push({ kind: 'IMAGE', image });
    start = Math.max(start, offset);
  }
  if (paragraph.text.length > start) out.push({ kind: 'TEXT', start, end: paragraph.text.length });
  return out;
}

/** Every image under the given paragraphs, in document order, with the paragraph holding it. */
export function imagesIn(paragraphs: ParagraphNode[]): { paragraph: ParagraphNode; image: ImageNode }[] {
  return paragraphs.flatMap((paragraph) => (paragraph.images ?? []).map((image) => ({ paragraph, image })));
}

/** The InlineImage element the script receives for an image in a paragraph. */
export function wrapImage(s: DocSession, paragraph: ParagraphNode, image: ImageNode): unknown {
  return expose(new InlineImageElement(s, paragraph, image), 'InlineImage', s.runtime);
}
