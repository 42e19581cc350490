import { types as t } from "@babel/core";
import { scanStatement } from "./async-scan.js";
import { HollowBodies } from "./hollow-bodies.js";

/**
 * Babel builds a path and scope information for every node of a file before any plugin runs
 * (the program scope's crawl): in a large bundle with a handful of async functions, that is
 * most of the transform's time. The plugin only ever changes the top-level statements that hold
 * async syntax, and the top of the program. So Babel gets a reduced program in which every other
 * statement is replaced by a marker (an empty statement), and the markers are swapped back after:
 *
 *   import a; let x; async function f() {}; g();     full program
 *   import a; ;      async function f() {}; ;        reduced: a marker for each left-out statement
 *   import a; let x; function f() {…}; function* f$() {…}; g();      reassembled
 *
 * One marker per statement keeps every index of the program body the same in both, so whatever
 * the plugin inserts by position lands in the same place. The leading imports (and `let f =
 * function…`) are kept as they are: the plugin looks for the end of that run (see below). Inside
 * the statements that stay, the bodies of functions without async syntax are left out too
 * (hollow-bodies.ts). The CLI's parity test holds the output to the one the whole file would give.
 */
export interface SplitProgram {
  /** What Babel transforms: a File whose program holds only the statements the plugin may change. */
  reduced: t.File;
  /** Puts the left-out statements back into the transformed program, and that program into the
   *  original File. False when the markers were disturbed (moved, removed, given comments): the
   *  File is then left half-done and must be transformed again as a whole. */
  reassemble(): boolean;
  /** False when the printed code still shows a placeholder: transform the file again as a whole. */
  isWhole(output: string): boolean;
}

/** Shared with @unawait/babel-plugin (names.ts), which reads the names in the left-out statements
 *  and bodies so that the names it generates cannot collide with them. Internal to the two packages. */
const OUTSIDE_STATEMENTS = Symbol.for("@unawait/babel-plugin:outside-statements");

/** The reduced program for `file`, or null when the whole file must go to Babel (a top-level
 *  await: the plugin rejects it or wraps the whole body). */
export function splitProgram(file: t.File, code: string): SplitProgram | null {
  const program = file.program;
  const prefix = leadingPrefixLength(program.body);
  const body: t.Statement[] = [];
  const outside = new Map<t.Statement, t.Statement>(); // marker → the statement it stands for
  const hollow = new HollowBodies(code);
  for (let i = 0; i < program.body.length; i++) {
    const statement = program.body[i];
    const scan = scanStatement(statement, code);
    if (scan.topLevelAwait) {
      hollow.restore();
      return null;
    }
    if (scan.async || i < prefix) {
      if (scan.async) hollow.hollow(statement);
      body.push(statement);
      continue;
    }
    const marker = t.emptyStatement();
    outside.set(marker, statement);
    body.push(marker);
  }
  // A shallow copy keeps what the plugin reads of the program: sourceType, directives, position.
  const reducedProgram: t.Program = { ...program, body, interpreter: null };
  (reducedProgram as any)[OUTSIDE_STATEMENTS] = [...outside.values(), ...hollow.bodies];
  return {
    reduced: { ...file, program: reducedProgram },
    reassemble: () => hollow.restore() && reassemble(program, reducedProgram, outside),
    isWhole: (output) => hollow.isWhole(output),
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

function reassemble(program: t.Program, reduced: t.Program, outside: Map<t.Statement, t.Statement>): boolean {
  const restored = new Set<t.Statement>();
  const body: t.Statement[] = [];
  // The body is read back from the node: a plugin may have replaced the array.
  for (const statement of reduced.body) {
    const original = outside.get(statement);
    if (original && (restored.has(statement) || hasComments(statement))) return false;
    if (original) restored.add(statement);
    body.push(original ?? statement);
  }
  if (restored.size !== outside.size) return false;
  // Whatever else the plugin set on the program node itself (a comment, directives).
  for (const key of Object.keys(reduced) as (keyof t.Program)[]) {
    if (key !== "body" && key !== "interpreter" && reduced[key] !== program[key]) (program as any)[key] = reduced[key];
  }
  program.body = body;
  return true;
}

function hasComments(node: t.Node): boolean {
  return Boolean(node.leadingComments?.length || node.trailingComments?.length || node.innerComments?.length);
}
