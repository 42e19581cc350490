/**
 * The cheap lexical pre-check: can this file contain async syntax at all? A file that cannot is
 * copied byte for byte, without a Babel round-trip (which costs a parse, a traversal and a print).
 *
 * The answer must never be "no" for a file that has async syntax; "yes" for one that has none only
 * costs time. So every doubt answers "yes": an unterminated string, comment, regex or template,
 * a JSX element (its text is not JavaScript), a `/` we cannot classify.
 *
 * `async` and `await` count when they are words of code: not inside strings, comments, regexes or
 * the text of template literals (`${…}` inside a template is code again), not part of a longer
 * identifier (`asyncFoo`, `$await`), not a property (`x.async`, `x?.await`, `#async`), and not a
 * plain binding used as a value (`async.map(…)`, `{ async: 1 }`, `await = 1` in a script).
 */

export interface PrecheckOptions {
  /** The file may contain JSX (.js, .jsx, .tsx): an element in expression position means "unsure". */
  jsx: boolean;
}

/** True when the file might contain async syntax (an async function or arrow, `await`, `for await`). */
export function mayHaveAsyncSyntax(code: string, options: PrecheckOptions): boolean {
  // Escaped keywords (`\u0061sync`) are not keywords: no literal word, no async syntax.
  if (!code.includes("async") && !code.includes("await")) return false;
  try {
    return new Scanner(code, options.jsx).scan();
  } catch (error) {
    if (error === UNSURE) return true;
    throw error;
  }
}

/** What a full lexical pass sees of a file's shape (chunks.ts splits the file with it). */
export interface Layout {
  /** Offsets just after each `;` outside every bracket: a top-level statement, or part of an
   *  `if`/`do` statement whose `else`/`while` follows, ends there. */
  semicolons: number[];
  /** Offsets just after each `}` outside every bracket: a declaration or block may end there. */
  closingBraces: number[];
  /** Offsets of the `async` and `await` words that may be keywords (the pre-check's "yes"). */
  asyncWords: number[];
  /** Offsets of the `import` and `export` words that are no property: what makes Babel read a
   *  file of sourceType "unambiguous" as a module. */
  moduleWords: number[];
  /** Every word of code that may name a variable: not in a string, comment or template text,
   *  not a property after `.`. Keywords, property keys and private names are in it too. */
  words: Set<string>;
}

/** The layout of the whole file; null whenever the pre-check would be unsure. */
export function scanLayout(code: string, options: PrecheckOptions): Layout | null {
  const layout: Layout = { semicolons: [], closingBraces: [], asyncWords: [], moduleWords: [], words: new Set() };
  try {
    new Scanner(code, options.jsx, layout).scan();
    return layout;
  } catch (error) {
    if (error === UNSURE) return null;
    throw error;
  }
}

const UNSURE = Symbol("unsure");

/** Keywords after which `/` starts a regex (an expression is expected), e.g. `return /x/`. */
const EXPRESSION_KEYWORDS = new Set([
  "return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw", "case", "do", "else",
  "yield", "await", "extends", "export", "default",
]);
/** `if (…) /re/.test(s)`: after the `)` of these, a statement (so a regex) may follow. */
const CONTROL_KEYWORDS = new Set(["if", "while", "for", "with"]);
/** What may follow a binding named `async`/`await` used as a plain value; anything else counts. */
const PLAIN_VALUE_FOLLOWERS = new Set([".", ",", ";", ":", ")", "]", "}", "="]);

type Previous =
  | { kind: "start" | "regex-ok" | "value" | "member" }
  | { kind: "word"; word: string }
  | { kind: "close-paren"; control: boolean };

// Shared: the scan runs over whole files, one of these per token.
const START: Previous = { kind: "start" };
const REGEX_OK: Previous = { kind: "regex-ok" };
const VALUE: Previous = { kind: "value" };
/** After `.`, `?.` or `#`: the word that follows is a property or private name. */
const MEMBER: Previous = { kind: "member" };
const CLOSE_PAREN: Previous = { kind: "close-paren", control: false };
const CLOSE_CONTROL_PAREN: Previous = { kind: "close-paren", control: true };

class Scanner {
  private at = 0;
  private previous: Previous = START;
  /** One entry per open `(`, `{`, `[` or `${`: "(" entries remember whether a control keyword led them. */
  private readonly open: ("(" | "(control" | "{" | "[" | "${")[] = [];

  /** With a layout, the scan reads the whole file into it instead of stopping at the first word. */
  constructor(
    private readonly code: string,
    private readonly jsx: boolean,
    private readonly layout?: Layout,
  ) {}

  scan(): boolean {
    const { code } = this;
    if (code.startsWith("#!")) this.skipLine();
    while (this.at < code.length) {
      const ch = code.charCodeAt(this.at);
      if (isSpace(ch)) this.at++;
      else if (ch === 0x2f /* / */) this.slash();
      else if (ch === 0x22 /* " */ || ch === 0x27 /* ' */) this.string(ch);
      else if (ch === 0x60 /* ` */) this.template();
      else if (isIdentifierStart(ch)) {
        const start = this.at;
        if (this.word()) {
          if (!this.layout) return true;
          this.layout.asyncWords.push(start);
        }
      } else if (isDigit(ch) || (ch === 0x2e && isDigit(code.charCodeAt(this.at + 1)))) this.number();
      else this.punctuator(ch);
    }
    return false;
  }

  /** Reads one identifier; true when it is an `async` or `await` that acts as a keyword. */
  private word(): boolean {
    const start = this.at;
    while (this.at < this.code.length && isIdentifierPart(this.code.charCodeAt(this.at))) this.at++;
    const word = this.code.slice(start, this.at);
    const previous = this.previous;
    // A property name is a value whatever it spells: `x.return / 2` divides.
    const member = previous.kind === "member";
    this.previous = member ? VALUE : { kind: "word", word };
    // `#x` names no variable, but Babel's tree holds an Identifier for it, which names.ts counts.
    if (!member || this.code[start - 1] === "#") this.layout?.words.add(word);
    if (!member && (word === "import" || word === "export")) this.layout?.moduleWords.push(start);
    if ((word !== "async" && word !== "await") || member) return false;
    if (previous.kind === "word" && (previous.word === "function" || previous.word === "class")) return false;
    return !this.followedByPlainValueUse();
  }

  /** `async.map(…)`, `{ await: 1 }`, `async = x`: a binding, not a keyword. `==`/`=>` still count. */
  private followedByPlainValueUse(): boolean {
    let i = this.at;
    while (i < this.code.length && isSpace(this.code.charCodeAt(i)) && !isNewline(this.code.charCodeAt(i))) i++;
    const next = this.code[i];
    if (next === undefined || !PLAIN_VALUE_FOLLOWERS.has(next)) return false;
    if (next === "=") return this.code[i + 1] !== "=" && this.code[i + 1] !== ">";
    return true;
  }

  private slash(): void {
    const next = this.code[this.at + 1];
    if (next === "/") return this.skipLine();
    if (next === "*") return this.blockComment();
    if (this.regexAllowed()) return this.regex();
    this.at++;
    this.previous = REGEX_OK; // `a / /re/` — after a division, an operand follows
  }

  private regexAllowed(): boolean {
    const p = this.previous;
    switch (p.kind) {
      case "start":
      case "regex-ok":
        return true;
      case "value":
      case "member":
        return false;
      case "word":
        return EXPRESSION_KEYWORDS.has(p.word);
      case "close-paren":
        return p.control;
    }
  }

  private regex(): void {
    const { code } = this;
    let inClass = false;
    for (this.at++; ; this.at++) {
      const ch = code[this.at];
      if (ch === undefined || ch === "\n" || ch === "\r") throw UNSURE;
      if (ch === "\\") this.at++;
      else if (ch === "[") inClass = true;
      else if (ch === "]") inClass = false;
      else if (ch === "/" && !inClass) break;
    }
    this.at++;
    while (this.at < code.length && isIdentifierPart(code.charCodeAt(this.at))) this.at++; // flags
    this.previous = VALUE;
  }

  private string(quote: number): void {
    const { code } = this;
    for (this.at++; ; this.at++) {
      const ch = code.charCodeAt(this.at);
      if (Number.isNaN(ch) || ch === 0x0a || ch === 0x0d) throw UNSURE;
      if (ch === 0x5c /* \ */) this.at++;
      else if (ch === quote) break;
    }
    this.at++;
    this.previous = VALUE;
  }

  /** The text of a template, up to its end or to a `${`, whose code the main loop then reads. */
  private template(): void {
    this.at++;
    this.templateText();
  }

  /** Also where the text resumes, after the `}` that closes a `${`. */
  private templateText(): void {
    const { code } = this;
    for (; ; this.at++) {
      const ch = code[this.at];
      if (ch === undefined) throw UNSURE;
      if (ch === "\\") this.at++;
      else if (ch === "`") break;
      else if (ch === "$" && code[this.at + 1] === "{") {
        this.at += 2;
        this.open.push("${");
        this.previous = REGEX_OK;
        return;
      }
    }
    this.at++;
    this.previous = VALUE;
  }

  private blockComment(): void {
    const end = this.code.indexOf("*/", this.at + 2);
    if (end < 0) throw UNSURE;
    this.at = end + 2;
  }

  private skipLine(): void {
    while (this.at < this.code.length && !isNewline(this.code.charCodeAt(this.at))) this.at++;
  }

  private number(): void {
    // Digits, letters (0x1f, 1e5, 10n, 1_000) and dots; `1.toString` cannot occur in valid code.
    while (this.at < this.code.length && (isIdentifierPart(this.code.charCodeAt(this.at)) || this.code[this.at] === ".")) this.at++;
    this.previous = VALUE;
  }

  private punctuator(ch: number): void {
    const char = String.fromCharCode(ch);
    this.at++;
    switch (char) {
      case "(": {
        const p = this.previous;
        this.open.push(p.kind === "word" && CONTROL_KEYWORDS.has(p.word) ? "(control" : "(");
        this.previous = REGEX_OK;
        return;
      }
      case ")":
        this.previous = this.open.pop() === "(control" ? CLOSE_CONTROL_PAREN : CLOSE_PAREN;
        return;
      case "[":
      case "{":
        this.open.push(char);
        this.previous = REGEX_OK;
        return;
      case "]":
        this.open.pop();
        this.previous = VALUE;
        return;
      case "}":
        if (this.open.pop() === "${") return this.templateText();
        if (this.open.length === 0) this.layout?.closingBraces.push(this.at);
        // A block ends: a statement, so a regex, may follow. (`({}) / 2` ends with `)` instead.)
        this.previous = REGEX_OK;
        return;
      case "<": {
        // A script's HTML-like comment: its text would be read as code.
        if (this.code.startsWith("!--", this.at)) throw UNSURE;
        // `<<`, `<=`, `<<=` are one operator; only a `<` before a name or `>` can open JSX.
        const next = this.code[this.at] ?? "";
        if (next === "<" || next === "=") {
          while (this.code[this.at] === "<" || this.code[this.at] === "=") this.at++;
        } else if (this.jsx && this.regexAllowed() && /[A-Za-z_$>]/.test(next)) {
          throw UNSURE; // a JSX element: its text is not code
        }
        this.previous = REGEX_OK;
        return;
      }
      case ".":
        // `...x` spreads; `x.y`, like `x?.y` and `#y` below, names a member.
        if (this.code.startsWith("..", this.at)) {
          this.at += 2;
          this.previous = REGEX_OK;
        } else this.previous = MEMBER;
        return;
      case "?":
        // `?.` but not `c?.5:1`; `??` and `? :` expect an operand.
        if (this.code[this.at] === "." && !isDigit(this.code.charCodeAt(this.at + 1))) {
          this.at++;
          this.previous = MEMBER;
        } else this.previous = REGEX_OK;
        return;
      case "#":
        this.previous = MEMBER;
        return;
      case ";":
        if (this.open.length === 0) this.layout?.semicolons.push(this.at);
        this.previous = REGEX_OK;
        return;
      case "-":
        // `-->` first on a line closes an HTML-like comment in a script (elsewhere, `x-- > y`).
        if (this.code.startsWith("->", this.at) && onlySpaceBefore(this.code, this.at - 1)) throw UNSURE;
      // falls through
      case "+":
        // `a++ / b` divides; `x = -/re/.source` does not occur in real code, and would only be "unsure" text.
        if (this.code[this.at] === char) {
          this.at++;
          this.previous = VALUE;
          return;
        }
        this.previous = REGEX_OK;
        return;
      default:
        this.previous = REGEX_OK;
    }
  }
}

function onlySpaceBefore(code: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && isSpace(code.charCodeAt(i)) && !isNewline(code.charCodeAt(i))) i--;
  return i < 0 || isNewline(code.charCodeAt(i));
}

function isSpace(ch: number): boolean {
  if (ch === 0x20 || (ch >= 0x09 && ch <= 0x0d)) return true;
  // Non-ASCII spaces (BOM, NBSP, U+2028…) separate words; other non-ASCII is read as identifier text.
  return ch > 0x7f && /\s/.test(String.fromCharCode(ch));
}

function isNewline(ch: number): boolean {
  return ch === 0x0a || ch === 0x0d || ch === 0x2028 || ch === 0x2029;
}

function isDigit(ch: number): boolean {
  return ch >= 0x30 && ch <= 0x39;
}

function isIdentifierStart(ch: number): boolean {
  return (ch >= 0x61 && ch <= 0x7a) || (ch >= 0x41 && ch <= 0x5a) || ch === 0x24 || ch === 0x5f || ch === 0x5c || (ch > 0x7f && !isSpace(ch));
}

/** A character of an identifier as this scan reads one: `\` too (an escape), and any non-ASCII
 *  character that is no space. */
export function isIdentifierPart(ch: number): boolean {
  return isIdentifierStart(ch) || isDigit(ch);
}
