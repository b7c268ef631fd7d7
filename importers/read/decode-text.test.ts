import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeTextBuffer,
  decodeTextStream,
  TextDecodingError,
  type TextEncodingName,
} from './decode-text.ts';

/** 公司全称,注册地址 / 成都银行股份有限公司,四川省成都市青羊区西御街16号 / 㐀𠀀测试,é — saved as GB18030 (㐀 and 𠀀 take four bytes). */
const gbSample = Buffer.from(
  'b9abcbbec8abb3c62cd7a2b2e1b5d8d6b70ab3c9b6bcd2f8d0d0b9c9b7ddd3d0cfdeb9abcbbe2ccbc4b4a8caa1b3c9b6bccad0c7e0d1f2c7f8cef7d3f9bdd63136bac50a8139ee3995328236b2e2cad42ca8a60a',
  'hex',
);
const sampleText = '公司全称,注册地址\n成都银行股份有限公司,四川省成都市青羊区西御街16号\n㐀𠀀测试,é\n';

async function decodeChunks(chunks: Uint8Array[]): Promise<{ text: string; encoding?: TextEncodingName }> {
  let encoding: TextEncodingName | undefined;
  let text = '';
  const source = (async function* () {
    yield* chunks;
  })();
  for await (const part of decodeTextStream(source, (e) => {
    encoding = e;
  }))
    text += part;
  return { text, encoding };
}

function splitAt(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let start = 0;
  for (const p of [...points, bytes.length]) {
    chunks.push(bytes.subarray(start, p));
    start = p;
  }
  return chunks;
}

describe('decodeTextStream', () => {
  it('reads GB18030 (GBK) text, four-byte characters included', async () => {
    expect(await decodeTextBuffer(gbSample)).toEqual({ text: sampleText, encoding: 'gb18030' });
  });

  it('reads UTF-8 with and without a BOM, dropping the BOM', async () => {
    const utf8 = Buffer.from(sampleText, 'utf8');
    expect(await decodeTextBuffer(utf8)).toEqual({ text: sampleText, encoding: 'utf-8' });
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]);
    expect(await decodeTextBuffer(bom)).toEqual({ text: sampleText, encoding: 'utf-8-bom' });
  });

  it('gives the same text however the bytes are split into chunks', async () => {
    const gb = Buffer.concat(Array.from({ length: 12 }, () => gbSample));
    const utf8 = Buffer.from(sampleText.repeat(12), 'utf8');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(), { maxLength: 12 }), fc.boolean(), async (cuts, useGb) => {
        const bytes = useGb ? gb : utf8;
        const result = await decodeChunks(splitAt(bytes, cuts));
        expect(result.text).toBe(sampleText.repeat(12));
        expect(result.encoding).toBe(useGb ? 'gb18030' : 'utf-8');
      }),
    );
  });

  it('decides on GB18030 even when the Chinese text starts far into the file', async () => {
    const ascii = Buffer.from(`code,name\n${'000001,abc\n'.repeat(20_000)}`);
    const result = await decodeChunks(splitAt(Buffer.concat([ascii, gbSample]), [65_536, 131_072, 200_000]));
    expect(result.encoding).toBe('gb18030');
    expect(result.text.endsWith(sampleText)).toBe(true);
  });

  it('fails with a clear message when UTF-8 turns into other bytes later on', async () => {
    const utf8 = Buffer.from(sampleText.repeat(20), 'utf8');
    await expect(decodeChunks([utf8, gbSample])).rejects.toThrow(TextDecodingError);
    await expect(decodeChunks([utf8, gbSample])).rejects.toThrow(/neither valid UTF-8 nor GB18030 near byte/);
  });
});
