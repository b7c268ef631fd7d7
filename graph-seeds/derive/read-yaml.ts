/**
 * A reader for the block-style YAML subset the industry-chain atlas uses: nested mappings and sequences,
 * plain, single- and double-quoted scalars, full-line comments. No anchors, flow collections or block scalars.
 * Scalars stay strings on purpose: stock codes such as 002129 are written unquoted and must keep their zeros.
 */
export type YamlValue = string | null | YamlValue[] | { [key: string]: YamlValue };

interface Line {
  indent: number;
  text: string;
  lineNo: number;
}

export class YamlSubsetError extends Error {}

export function parseYamlSubset(source: string): YamlValue {
  const lines: Line[] = [];
  source.split(/\r?\n/).forEach((raw, i) => {
    if (raw.includes('\t')) throw new YamlSubsetError(`line ${i + 1}: tabs are not allowed for indentation`);
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    lines.push({ indent: raw.length - raw.trimStart().length, text: trimmed, lineNo: i + 1 });
  });
  const reader = new BlockReader(lines);
  if (lines.length === 0) return null;
  const value = reader.readBlock(lines[0]!.indent);
  const rest = reader.peek();
  if (rest !== undefined) throw new YamlSubsetError(`line ${rest.lineNo}: unexpected indentation`);
  return value;
}

const keyPattern = /^([A-Za-z_][A-Za-z0-9_-]*):(?: (.*))?$/;

class BlockReader {
  private position = 0;

  constructor(private readonly lines: Line[]) {}

  peek(): Line | undefined {
    return this.lines[this.position];
  }

  readBlock(indent: number): YamlValue {
    const first = this.peek();
    if (first === undefined) return null;
    return isSequenceItem(first.text) ? this.readSequence(indent) : this.readMapping(indent);
  }

  private readMapping(indent: number): { [key: string]: YamlValue } {
    const result: { [key: string]: YamlValue } = {};
    for (let line = this.peek(); line !== undefined && line.indent === indent; line = this.peek()) {
      if (isSequenceItem(line.text)) break;
      const match = keyPattern.exec(line.text);
      if (match === null) throw new YamlSubsetError(`line ${line.lineNo}: expected "key: value"`);
      this.position++;
      const key = match[1]!;
      const inline = match[2]?.trim() ?? '';
      result[key] = inline === '' ? this.readNested(indent) : parseScalar(inline, line.lineNo);
    }
    return result;
  }

  /** A key with no inline value owns the deeper block below it, or a sequence at its own indentation. */
  private readNested(parentIndent: number): YamlValue {
    const next = this.peek();
    if (next === undefined) return null;
    if (next.indent > parentIndent) return this.readBlock(next.indent);
    if (next.indent === parentIndent && isSequenceItem(next.text)) return this.readSequence(parentIndent);
    return null;
  }

  private readSequence(indent: number): YamlValue[] {
    const items: YamlValue[] = [];
    for (let line = this.peek(); line !== undefined && line.indent === indent; line = this.peek()) {
      if (!isSequenceItem(line.text)) break;
      const rest = line.text === '-' ? '' : line.text.slice(2).trim();
      if (rest === '') {
        this.position++;
        items.push(this.readNested(indent));
      } else if (keyPattern.test(rest)) {
        // "- key: value" opens a mapping whose keys sit two columns right of the dash.
        this.lines[this.position] = { indent: indent + 2, text: rest, lineNo: line.lineNo };
        items.push(this.readMapping(indent + 2));
      } else {
        this.position++;
        items.push(parseScalar(rest, line.lineNo));
      }
    }
    return items;
  }
}

function isSequenceItem(text: string): boolean {
  return text === '-' || text.startsWith('- ');
}

function parseScalar(text: string, lineNo: number): string {
  if (text.startsWith("'")) {
    if (!text.endsWith("'") || text.length < 2)
      throw new YamlSubsetError(`line ${lineNo}: unterminated quote`);
    return text.slice(1, -1).replaceAll("''", "'");
  }
  if (text.startsWith('"')) {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'string') throw new YamlSubsetError(`line ${lineNo}: bad double-quoted string`);
    return parsed;
  }
  return text;
}
