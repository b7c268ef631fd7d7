import { TextDecoder } from 'node:util';

/**
 * Streaming text decoding for files that arrive as UTF-8 (with or without BOM) or GB18030/GBK, which is what
 * Excel on Chinese Windows writes. ASCII reads the same in both, so the choice waits for the first non-ASCII
 * bytes; a strict UTF-8 decoder then either accepts them or fails, and a failure means GB18030. A streaming
 * `TextDecoder` keeps characters split across chunks whole (iconv-lite's GB18030 decoder does not).
 */
export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'gb18030';

/** Enough non-ASCII bytes that Chinese GBK text cannot pass for UTF-8 by accident. */
const DECIDE_AFTER_NON_ASCII_BYTES = 256;
/** A file with only a few Chinese characters among much ASCII is decided after this many bytes. */
const DECIDE_AFTER_BYTES = 1 << 20;

export class TextDecodingError extends Error {}

function countNonAscii(bytes: Uint8Array): number {
  let n = 0;
  for (const b of bytes) if (b >= 0x80) n++;
  return n;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

const hasUtf8Bom = (b: Uint8Array) => b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;

function looksLikeUtf8(bytes: Uint8Array, final: boolean): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: !final });
    return true;
  } catch {
    return false;
  }
}

/**
 * Decodes a byte stream to text chunks. `onEncoding` is told the encoding once it is known (a file of pure
 * ASCII reports utf-8 at its end).
 */
export async function* decodeTextStream(
  source: AsyncIterable<Uint8Array>,
  onEncoding: (encoding: TextEncodingName) => void = () => {},
): AsyncGenerator<string> {
  let decoder: TextDecoder | undefined;
  let pending: Uint8Array = new Uint8Array(0);
  let pendingNonAscii = 0;
  let offset = 0;
  let started = false;

  const decide = (final: boolean): TextDecoder => {
    const bom = hasUtf8Bom(pending);
    const encoding: TextEncodingName = bom
      ? 'utf-8-bom'
      : looksLikeUtf8(pending, final)
        ? 'utf-8'
        : 'gb18030';
    onEncoding(encoding);
    return new TextDecoder(encoding === 'gb18030' ? 'gb18030' : 'utf-8', { fatal: true });
  };
  const decodeWith = (d: TextDecoder, bytes: Uint8Array, final: boolean): string => {
    try {
      return d.decode(bytes, { stream: !final });
    } catch {
      throw new TextDecodingError(
        `The file is neither valid UTF-8 nor GB18030 near byte ${offset}: save it again as UTF-8 or as GBK/GB18030.`,
      );
    }
  };

  for await (const chunk of source) {
    if (decoder !== undefined) {
      const text = decodeWith(decoder, chunk, false);
      offset += chunk.length;
      if (text !== '') yield text;
      continue;
    }
    pending = concat(pending, chunk);
    pendingNonAscii += countNonAscii(chunk);
    // Three bytes are needed to see a BOM; until then nothing is decided.
    if (!started && pending.length < 3) continue;
    started = true;
    if (
      hasUtf8Bom(pending) ||
      pendingNonAscii >= DECIDE_AFTER_NON_ASCII_BYTES ||
      (pendingNonAscii > 0 && pending.length >= DECIDE_AFTER_BYTES)
    ) {
      decoder = decide(false);
      const text = decodeWith(decoder, pending, false);
      offset += pending.length;
      pending = new Uint8Array(0);
      if (text !== '') yield text;
    } else if (pendingNonAscii === 0) {
      // Pure ASCII so far: the same text in every candidate encoding.
      const text = new TextDecoder('ascii').decode(pending);
      offset += pending.length;
      pending = new Uint8Array(0);
      yield text;
    }
  }
  if (decoder === undefined) {
    decoder = decide(true);
    const text = decodeWith(decoder, pending, true);
    if (text !== '') yield text;
    return;
  }
  const rest = decodeWith(decoder, new Uint8Array(0), true);
  if (rest !== '') yield rest;
}

/** Decodes a whole buffer the same way. */
export async function decodeTextBuffer(
  bytes: Uint8Array,
): Promise<{ text: string; encoding: TextEncodingName }> {
  let encoding: TextEncodingName = 'utf-8';
  let text = '';
  for await (const part of decodeTextStream(
    (async function* () {
      yield bytes;
    })(),
    (e) => {
      encoding = e;
    },
  )) {
    text += part;
  }
  return { text, encoding };
}
