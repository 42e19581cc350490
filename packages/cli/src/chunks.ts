import { scanLayout } from "./precheck.js";

/** A run of top-level statements left out of the parse, and the name of the statement standing in for it. */
export interface Chunk {
  name: string;
  /** The source text pasted back: from its first token to its end. */
  start: number;
  end: number;
}

export interface ChunkedCode {
  /** The code Babel parses: as long as the source and with the same lines, but every chunk is
   *  blank except for the comments before its first token and `NAME;` at that token, so every
   *  position stays where it was. */
  text: string;
  chunks: Map<string, Chunk>;
  /** The names the left-out text may use as variables (undefined: unknown, escapes in the file). */
  words?: ReadonlySet<string>;
}

/**
 * Parsing is the largest cost left in a transform, and in a large bundle with a few async
 * functions nearly all of it is spent on code the plugin never sees (split-program.ts leaves it
 * out). So the code is cut, by a lexical pass, where top-level statements surely end (after a
 * `;` or a `}`, see endsStatement), and
 * the pieces with no `async`/`await` word are blanked before Babel parses: the parser skips white
 * space much faster than it builds nodes. The first pieces (directives, `#!`, and the leading
 * imports and `let`s, which split-program.ts keeps) are always parsed.
 *
 * What is not parsed is not checked for syntax errors: it is pasted into the output as written,
 * as a file without async syntax is copied. Watch mode, which must not write a broken file over
 * a good one, parses everything. Null when there is nothing to leave out or the lexical pass is
 * unsure (JSX, an unterminated token); a parse error in the blanked code sends the file to a
 * whole parse too, which reports the error if there is one. `unambiguous`: see below.
 */
export function chunkCode(code: string, jsx: boolean, unambiguous = false): ChunkedCode | null {
  const layout = scanLayout(code, { jsx });
  if (!layout) return null;
  // For sourceType "unambiguous", Babel reads a file as a module if it has an import or export:
  // the chunks that may hold one are parsed too.
  const kept = unambiguous ? [...layout.asyncWords, ...layout.moduleWords].sort((a, b) => a - b) : layout.asyncWords;
  const ends = [...layout.semicolons.filter((at) => endsStatement(code, at, false)), ...layout.closingBraces.filter((at) => endsStatement(code, at, true))];
  ends.sort((a, b) => a - b).push(code.length);
  const prefix = placeholderPrefix(code);
  const chunks = new Map<string, Chunk>();
  let text = "";
  let start = 0;
  let next = 0;
  let leading = true;
  for (const end of ends) {
    let mustParse = false;
    while (next < kept.length && kept[next] < end) {
      mustParse = true;
      next++;
    }
    // Comments before the first token stay in the parsed text: Babel attaches them to the
    // statements around, and the printer puts them where it would have without the cut.
    const first = Math.min(nextToken(code, start), end);
    // Directives too: a `"use strict"` after another directive must be seen by the parser.
    leading &&= start === 0 || /^(?:(?:import|let)(?![\w$])|["'])/.test(code.slice(first, end));
    const name = `${prefix}${chunks.size}`;
    const last = trimEnd(code, first, end);
    const fits = first + name.length + 1 <= last && !/[\n\r\u2028\u2029]/.test(code.slice(first, first + name.length + 1));
    if (mustParse || leading || !fits) {
      text += code.slice(start, end);
    } else {
      chunks.set(name, { name, start: first, end: last });
      text += code.slice(start, first) + `${name};` + blank(code.slice(first + name.length + 1, end));
    }
    start = end;
  }
  if (chunks.size === 0) return null;
  // An identifier spelled with an escape (`\u0072un`) is read as another word.
  const escaped = [...layout.words].some((word) => word.includes("\\"));
  return { text, chunks, words: escaped ? undefined : layout.words };
}

/** Words that continue the statement before them: `if …; else`, `do …; while`, `try {} catch`,
 *  `import { a } from`, and after a `}` the operators spelled as words (`{} instanceof X`,
 *  TypeScript's `{} as T`). */
const CONTINUING = /^(?:else|while|catch|finally|from|in|instanceof|as|satisfies|extends)(?![\w$])/;

/**
 * Whether a top-level statement surely ends at `at`, just after a `;` or a `}` outside every
 * bracket. After a `;`, unless the statement goes on (`else`, a `do`'s `while`). After a `}`, only
 * when a word that cannot go on with it follows: then the `}` closed a declaration or block, or ASI
 * ended the statement there; a `(`, `[`, `.`, operator or template could instead continue an
 * expression such as `x = function () {}`.
 */
function endsStatement(code: string, at: number, brace: boolean): boolean {
  const next = nextToken(code, at);
  const text = code.slice(next, next + 11);
  if (CONTINUING.test(text)) return false;
  return !brace || /^[A-Za-z_$]/.test(text);
}

/** A prefix the code never contains, so `PREFIX7` names nothing of the user's. */
function placeholderPrefix(code: string): string {
  let prefix = "$u_";
  while (code.includes(prefix)) prefix += "_";
  return prefix;
}

/** Spaces for everything but line breaks, which must stay for the lines after to keep their numbers. */
function blank(text: string): string {
  return text.replace(/[^\n\r\u2028\u2029]+/g, (line) => " ".repeat(line.length));
}

function isSpace(ch: string): boolean {
  return /\s/.test(ch);
}

function firstNonSpace(code: string, from: number, to: number): number {
  while (from < to && isSpace(code[from])) from++;
  return from;
}

function trimEnd(code: string, from: number, to: number): number {
  while (to > from && isSpace(code[to - 1])) to--;
  return to;
}

/** Where the next token starts: past white space and comments. */
function nextToken(code: string, at: number): number {
  for (;;) {
    at = firstNonSpace(code, at, code.length);
    if (code.startsWith("//", at)) {
      const line = code.slice(at).search(/[\n\r\u2028\u2029]/);
      if (line < 0) return code.length;
      at += line;
    } else if (code.startsWith("/*", at)) {
      const close = code.indexOf("*/", at + 2);
      if (close < 0) return code.length;
      at = close + 2;
    } else return at;
  }
}
