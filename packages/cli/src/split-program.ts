import { types as t } from "@babel/core";
import { scanStatement } from "./async-scan.js";
import { HollowBodies } from "./hollow-bodies.js";
import { printForPaste, type PrintOptions } from "./print.js";
import type { SourceMap } from "./source-maps.js";
import { VERBATIM_PREFIX, Verbatim } from "./verbatim.js";
import type { ChunkNames } from "./chunk-names.js";
import type { Chunk } from "./chunks.js";

/**
 * Babel builds a path and scope information for every node of a file before any plugin runs
 * (the program scope's crawl): in a large bundle with a handful of async functions, that is
 * most of the transform's time. The plugin only ever changes the top-level statements that hold
 * async syntax, and the top of the program. So Babel gets a reduced program in which every other
 * statement is replaced by a marker (an empty statement). After the transform each marker becomes
 * a placeholder, and the left-out statement's source text is pasted over it once printed:
 *
 *   import a; let x; async function f() {}; g();     full program
 *   import a; ;      async function f() {}; ;        reduced: a marker for each left-out statement
 *   import a; let x; function f() {…}; function* f$() {…}; g();      printed, then pasted
 *
 * One marker per statement keeps every index of the program body the same in both, so whatever
 * the plugin inserts by position lands in the same place. The leading imports (and `let f =
 * function…`) are kept as they are: the plugin looks for the end of that run (see below). Inside
 * the statements that stay, the bodies of functions without async syntax are left out too
 * (hollow-bodies.ts), and pasted back the same way. The CLI's parity test holds the output to the
 * whole file's, up to the formatting of the pasted code (which keeps the source's).
 */
export interface SplitProgram {
  /** What Babel transforms: a File whose program holds only the statements the plugin may change. */
  reduced: t.File;
  /** The transformed program printed, with the left-out statements and bodies pasted in from the
   *  source (verbatim.ts). Null when the plugin disturbed a marker or a placeholder (moved,
   *  removed, copied, gave it comments): the file must then be transformed again as a whole. */
  print(options: PrintOptions): { code: string; map?: SourceMap } | null;
}

/** Shared with @unawait/babel-plugin (names.ts), which reads the names in the left-out statements
 *  and bodies so that the names it generates cannot collide with them. Internal to the two packages. */
const OUTSIDE_STATEMENTS = Symbol.for("@unawait/babel-plugin:outside-statements");

/** The pieces of code chunks.ts kept from the parse: each is a statement `NAME;` in the tree. */
export interface LeftOutChunks {
  chunks: Map<string, Chunk>;
  /** For the plugin's name choices. */
  names: ChunkNames;
}

interface LeftOut {
  statement: t.Statement;
  chunk?: Chunk;
}

/** The reduced program for `file`, or null when the whole file must go to Babel (a top-level
 *  await: the plugin rejects it or wraps the whole body). */
export function splitProgram(file: t.File, code: string, leftOutChunks?: LeftOutChunks): SplitProgram | null {
  if (code.includes(VERBATIM_PREFIX)) return null;
  const program = file.program;
  const prefix = leadingPrefixLength(program.body);
  const body: t.Statement[] = [];
  const outside = new Map<t.Statement, LeftOut>(); // marker → the statement it stands for
  const hollow = new HollowBodies(code);
  for (let i = 0; i < program.body.length; i++) {
    const statement = program.body[i];
    const chunk = leftOutChunks && chunkOf(statement, leftOutChunks.chunks);
    const scan = chunk ? undefined : scanStatement(statement, code);
    if (scan?.topLevelAwait) {
      hollow.restore();
      return null;
    }
    if (scan && (scan.async || i < prefix)) {
      if (scan.async) hollow.hollow(statement);
      body.push(statement);
      continue;
    }
    const marker = t.emptyStatement();
    outside.set(marker, { statement, chunk });
    body.push(marker);
  }
  // A shallow copy keeps what the plugin reads of the program: sourceType, directives, position.
  const reducedProgram: t.Program = { ...program, body, interpreter: null };
  const parsedOutside = [...[...outside.values()].filter((o) => !o.chunk).map((o) => o.statement), ...hollow.bodies];
  leftOutChunks?.names.addParsed(parsedOutside);
  (reducedProgram as any)[OUTSIDE_STATEMENTS] = leftOutChunks?.names ?? parsedOutside;
  const reduced = { ...file, program: reducedProgram };
  return {
    reduced,
    print(options) {
      const verbatim = new Verbatim(code);
      if (!hollow.toVerbatim(verbatim) || !placeStatements(reducedProgram, outside, verbatim)) return null;
      reducedProgram.interpreter = program.interpreter;
      const printed = printForPaste(reduced, options);
      return hollow.isWhole(printed.code) ? verbatim.paste(printed, options) : null;
    },
  };
}

/**
 * The plugin's async generator declarations put their set-up call after the leading imports and
 * `let f = function…` statements of the program body (async-function.ts, giveGeneratorFunctionShape);
 * keeping that run in the reduced program lets the plugin find the same place.
 */
function leadingPrefixLength(body: t.Statement[]): number {
  let n = 0;
  while (n < body.length && (t.isImportDeclaration(body[n]) || isLetFunction(body[n]))) n++;
  return n;
}

function isLetFunction(statement: t.Statement): boolean {
  return t.isVariableDeclaration(statement, { kind: "let" }) && t.isFunctionExpression(statement.declarations[0]?.init);
}

/** The chunk a statement `NAME;` of the parsed code stands for. */
function chunkOf(statement: t.Statement, chunks: Map<string, Chunk>): Chunk | undefined {
  return statement.type === "ExpressionStatement" && statement.expression.type === "Identifier" ? chunks.get(statement.expression.name) : undefined;
}

/** Each marker becomes the placeholder its statement's text is pasted over. */
function placeStatements(reduced: t.Program, outside: Map<t.Statement, LeftOut>, verbatim: Verbatim): boolean {
  const placed = new Set<t.Statement>();
  // The body is read back from the node: a plugin may have replaced the array.
  const body = reduced.body.map((statement) => {
    const original = outside.get(statement);
    if (!original) return statement;
    if (placed.has(statement) || hasComments(statement)) return undefined;
    placed.add(statement);
    return verbatim.statement(original.statement, original.chunk);
  });
  if (placed.size !== outside.size || body.includes(undefined)) return false;
  reduced.body = body as t.Statement[];
  return true;
}

function hasComments(node: t.Node): boolean {
  return Boolean(node.leadingComments?.length || node.trailingComments?.length || node.innerComments?.length);
}
