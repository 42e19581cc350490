import type { types as t } from "@babel/core";
import type { Chunk } from "./chunks.js";
import { isIdentifierPart } from "./precheck.js";

/**
 * The names in the chunks Babel never parsed (chunks.ts), for the plugin's name choices
 * (names.ts in @unawait/babel-plugin): when it asks about a name, the chunks whose text holds
 * that word are parsed (each alone: a chunk is whole statements) and handed over, once each.
 * Most names are in no chunk, and are settled by the lexical pass's word list.
 */
export class ChunkNames {
  private readonly pending: Chunk[];
  /** Left-out code that was parsed (split-program.ts): handed over with the first name in the file. */
  private parsed: t.Node[] = [];

  constructor(
    private readonly code: string,
    chunks: Iterable<Chunk>,
    /** The words of the file that may name a variable; undefined when not known. */
    private readonly words: ReadonlySet<string> | undefined,
    /** A chunk's statements; throws when the chunk does not parse alone. */
    private readonly parse: (text: string) => t.Statement[],
    private readonly parseAll: () => t.Statement[],
  ) {
    this.pending = [...chunks].sort((a, b) => a.start - b.start);
  }

  addParsed(nodes: t.Node[]): void {
    this.parsed.push(...nodes);
  }

  /** The statements not handed over yet that may use `name`. */
  statementsNaming(name: string): t.Node[] {
    if (this.words && !this.words.has(name)) return [];
    const parsed = this.parsed;
    this.parsed = [];
    // With an escaped identifier in the file, a name can hide from a text search: all of them.
    const using = this.words ? this.takePendingWith(name) : this.pending.splice(0);
    try {
      return [...parsed, ...using.flatMap((chunk) => this.parse(this.code.slice(chunk.start, chunk.end)))];
    } catch {
      this.pending.length = 0;
      return this.parseAll();
    }
  }

  private takePendingWith(name: string): Chunk[] {
    const taken = new Set<Chunk>();
    const { code } = this;
    for (let at = code.indexOf(name); at !== -1; at = code.indexOf(name, at + 1)) {
      if (isIdentifierPart(code.charCodeAt(at - 1)) || isIdentifierPart(code.charCodeAt(at + name.length))) continue;
      const chunk = this.chunkAt(at);
      if (chunk) taken.add(chunk);
    }
    for (let i = this.pending.length - 1; i >= 0; i--) if (taken.has(this.pending[i])) this.pending.splice(i, 1);
    return [...taken];
  }

  /** The pending chunk holding offset `at`, if any. */
  private chunkAt(at: number): Chunk | undefined {
    let lo = 0;
    let hi = this.pending.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const chunk = this.pending[mid];
      if (at < chunk.start) hi = mid - 1;
      else if (at >= chunk.end) lo = mid + 1;
      else return chunk;
    }
    return undefined;
  }
}
