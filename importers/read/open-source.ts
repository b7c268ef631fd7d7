import { createReadStream } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import path from 'node:path';
import { decodeTextBuffer, decodeTextStream, type TextEncodingName } from './decode-text.ts';
import { readCsvRows } from './read-csv.ts';
import { jsonRows, openJsonLines, yamlRows } from './read-structured.ts';
import { readXlsxRows } from './read-xlsx.ts';
import { type FileFormat, FileReadError, type RecordSource, type SourceRecord } from './record-source.ts';

/** Where the bytes of an import come from: a file on disk or an uploaded body. */
export interface ImportInput {
  /** File name, for the format and for reports. */
  name: string;
  stream(): AsyncIterable<Uint8Array>;
  readAll(): Promise<Buffer>;
  head(bytes: number): Promise<Uint8Array>;
}

export function fileInput(file: string): ImportInput {
  return {
    name: path.basename(file),
    stream: () => createReadStream(file, { highWaterMark: 256 * 1024 }),
    readAll: () => readFile(file),
    async head(bytes) {
      const handle = await open(file, 'r');
      try {
        const buffer = Buffer.alloc(bytes);
        const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
        return buffer.subarray(0, bytesRead);
      } finally {
        await handle.close();
      }
    },
  };
}

export function bufferInput(name: string, bytes: Buffer): ImportInput {
  return {
    name,
    async *stream() {
      // Chunks like a file stream's, so uploads exercise the same decoding path.
      for (let start = 0; start < bytes.length; start += 256 * 1024)
        yield bytes.subarray(start, start + 256 * 1024);
    },
    readAll: async () => bytes,
    head: async (n) => bytes.subarray(0, n),
  };
}

const formatOfExtension: Record<string, FileFormat> = {
  '.csv': 'csv',
  '.tsv': 'csv',
  '.txt': 'csv',
  '.xlsx': 'xlsx',
  '.json': 'json',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.yaml': 'yaml',
  '.yml': 'yaml',
};

/** The format from the file name, else from the first bytes (a ZIP is a workbook, `[` JSON, `{` JSON lines). */
export async function detectFormat(input: ImportInput): Promise<FileFormat> {
  const byName = formatOfExtension[path.extname(input.name).toLowerCase()];
  if (byName !== undefined) return byName;
  const head = await input.head(64);
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'xlsx';
  const start = new TextDecoder()
    .decode(head)
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (start.startsWith('[')) return 'json';
  if (start.startsWith('{')) return 'jsonl';
  return 'csv';
}

export interface OpenOptions {
  format: FileFormat;
  /** Worksheet to read from a workbook; the first with data by default. */
  sheet?: string;
  /** How a YAML document becomes rows; a preset for a particular YAML layout passes its own. */
  yamlTable?: (text: string) => { headers: string[]; records: SourceRecord[] };
}

async function* fromArray(records: SourceRecord[]): AsyncGenerator<SourceRecord> {
  yield* records;
}

/** Opens a file for reading rows: its header is read now, its rows as they are consumed. */
export async function openRecordSource(input: ImportInput, options: OpenOptions): Promise<RecordSource> {
  let encoding: TextEncodingName | undefined;
  const setEncoding = (e: TextEncodingName) => {
    encoding = e;
  };
  const base = { format: options.format, encoding: () => encoding };

  switch (options.format) {
    case 'csv': {
      const rows = readCsvRows(decodeTextStream(input.stream(), setEncoding));
      const first = await rows.next();
      if (first.done) throw new FileReadError('The file is empty: expected a header row');
      return { ...base, headers: first.value.cells, records: { [Symbol.asyncIterator]: () => rows } };
    }
    case 'jsonl': {
      const { headers, records } = await openJsonLines(decodeTextStream(input.stream(), setEncoding));
      return { ...base, headers, records };
    }
    case 'json': {
      const decoded = await decodeTextBuffer(await input.readAll());
      encoding = decoded.encoding;
      const { headers, records } = jsonRows(decoded.text);
      return { ...base, headers, records: fromArray(records) };
    }
    case 'yaml': {
      const decoded = await decodeTextBuffer(await input.readAll());
      encoding = decoded.encoding;
      const { headers, records } = (options.yamlTable ?? yamlRows)(decoded.text);
      return { ...base, headers, records: fromArray(records) };
    }
    case 'xlsx': {
      const [header, ...rows] = await readXlsxRows(await input.readAll(), options.sheet);
      if (header === undefined) throw new FileReadError('The worksheet is empty: expected a header row');
      return { ...base, headers: header.cells, records: fromArray(rows) };
    }
  }
}
