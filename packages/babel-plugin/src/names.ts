import type { NodePath } from "@babel/core";
import { types as t } from "@babel/core";

/**
 * Internal contract with @unawait/cli (not a public API): the CLI may hand the plugin a reduced
 * Program that holds only the top-level statements with async syntax, the others being pasted
 * untouched around the result. It gives what those left-out statements are under this key of the
 * Program node, so that generated names cannot collide with the names they use: their nodes, or
 * (when they were not parsed) a way to get the ones not given yet that may use a given name.
 */
export const OUTSIDE_STATEMENTS = Symbol.for("@unawait/babel-plugin:outside-statements");

type Outside = t.Node[] | { statementsNaming(name: string): t.Node[] };

// Read once: every `t.X` of @babel/types is a getter, too slow for a walk over every node.
const VISITOR_KEYS = t.VISITOR_KEYS;

/** Readable, collision-free names. Generated code prefers the teacher's spelling (`sum$`, `run`)
 *  and only falls back to numbered variants when the file already uses the name anywhere: a
 *  binding anywhere in the file could shadow a helper at one of its use sites. */
export class NameRegistry {
  private readonly taken = new Set<string>();
  /** The CLI's left-out statements, not read yet (see `isTaken`). */
  private outside: Outside | undefined;
  private readonly code: string | undefined;

  constructor(program: NodePath<t.Program>) {
    // A plain walk over the nodes: a Babel traverse would build a path and scope per node (~15%
    // of the plugin's time) just to read names.
    this.walk(program.node, null);
    this.outside = (program.node as any)[OUTSIDE_STATEMENTS];
    const code = (program.hub as { file?: { code?: unknown } } | undefined)?.file?.code;
    // An escaped identifier (`\u0072un`) hides from a text search: then every name is looked up.
    this.code = typeof code === "string" && !code.includes("\\u") ? code : undefined;
  }

  /** A fresh identifier name based on `base`; never returned twice. */
  fresh(base: string): string {
    const clean = base.replace(/[^A-Za-z0-9_$]/g, "_").replace(/^(?=\d)/, "_") || "_";
    let name = clean;
    for (let i = 2; this.isTaken(name); i++) name = `${clean}${i}`;
    this.taken.add(name);
    return name;
  }

  /** The left-out statements are most of a large file, and most names the plugin makes appear
   *  nowhere in its text: they are walked only once a name is found in the text (or, unparsed,
   *  the CLI parses the ones that may use it). */
  private isTaken(name: string): boolean {
    if (this.taken.has(name)) return true;
    const outside = this.outside;
    if (!outside) return false;
    if (!Array.isArray(outside)) {
      for (const node of outside.statementsNaming(name)) this.walk(node, null);
      return this.taken.has(name);
    }
    if (this.code !== undefined && !containsWord(this.code, name)) return false;
    for (const node of outside) this.walk(node, null);
    this.outside = undefined;
    return this.taken.has(name);
  }

  /** Only names that can denote variables count: `o.run` or `{ asyncIterator: 1 }` cannot shadow
   *  a helper. */
  private walk(node: any, parent: any): void {
    if (node.type === "Identifier" || node.type === "JSXIdentifier") {
      if (!isPropertyName(node, parent)) this.taken.add(node.name);
      return;
    }
    for (const key of VISITOR_KEYS[node.type] ?? []) {
      const child = node[key];
      if (Array.isArray(child)) {
        for (const c of child) if (c && typeof c.type === "string") this.walk(c, node);
      } else if (child && typeof child.type === "string") this.walk(child, node);
    }
  }
}

/** Whether `word` occurs in `text` with no identifier character just before or after it. */
function containsWord(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
    if (!isIdentifierChar(text.charCodeAt(at - 1)) && !isIdentifierChar(text.charCodeAt(at + word.length))) return true;
  }
  return false;
}

function isIdentifierChar(code: number): boolean {
  // Any non-ASCII character may be part of an identifier; NaN (out of range) is not.
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 36 || code === 95 || code > 127;
}

function isPropertyName(node: t.Node, parent: any): boolean {
  switch (parent?.type) {
    case "MemberExpression":
    case "OptionalMemberExpression":
      return parent.property === node && !parent.computed;
    case "ObjectProperty":
      return parent.key === node && !parent.computed && !parent.shorthand;
    case "ObjectMethod":
    case "ClassMethod":
    case "ClassProperty":
      return parent.key === node && !parent.computed;
    default:
      return false;
  }
}

/** The name a reader would use for a function: its own name, its method key, or the variable
 *  it is assigned to. */
export function functionNameHint(path: NodePath<t.Function>): string {
  const node = path.node as any;
  if (node.id?.name) return node.id.name;
  const key = node.key;
  if (key && node.computed) return "method";
  if (key) {
    if (t.isIdentifier(key)) return key.name;
    if (t.isPrivateName(key)) return key.id.name;
    if (t.isStringLiteral(key)) return key.value;
    if (t.isNumericLiteral(key)) return `method${key.value}`;
  }
  const parent = path.parent;
  if (t.isVariableDeclarator(parent) && t.isIdentifier(parent.id)) return parent.id.name;
  if (t.isAssignmentExpression(parent) && t.isIdentifier(parent.left)) return parent.left.name;
  if ((t.isObjectProperty(parent) || t.isClassProperty(parent)) && t.isIdentifier(parent.key) && !parent.computed) {
    return parent.key.name;
  }
  return path.isArrowFunctionExpression() ? "arrow" : "anonymous";
}
