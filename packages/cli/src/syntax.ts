import { dirname, extname } from "node:path";
import type { ParserOptions } from "@babel/core";
import type { PackageTypeLookup } from "./package-type.js";

type ParserPlugin = NonNullable<ParserOptions["plugins"]>[number];
export type SourceType = "module" | "script" | "unambiguous";

/** How one file is parsed. `attempts` are tried in order; the first that parses wins. */
export interface FileSyntax {
  sourceType: SourceType;
  attempts: ParserOptions[];
}

interface Language {
  typescript: boolean;
  /** "try": parse as JSX first and fall back to plain JS, since .js files may hold either. */
  jsx: boolean | "try";
  /** Where the module kind comes from: fixed by the extension, or the nearest package.json. */
  kind: "module" | "commonjs" | "package";
}

const LANGUAGES: Record<string, Language> = {
  ".js": { typescript: false, jsx: "try", kind: "package" },
  ".jsx": { typescript: false, jsx: true, kind: "package" },
  ".mjs": { typescript: false, jsx: false, kind: "module" },
  ".cjs": { typescript: false, jsx: false, kind: "commonjs" },
  ".ts": { typescript: true, jsx: false, kind: "package" },
  ".tsx": { typescript: true, jsx: true, kind: "package" },
  ".mts": { typescript: true, jsx: false, kind: "module" },
  ".cts": { typescript: true, jsx: false, kind: "commonjs" },
};

export const SOURCE_EXTENSIONS = Object.keys(LANGUAGES);

/** Declaration files (`x.d.ts`, `x.d.mts`, `x.d.css.ts`) hold no code to lower: they are copied, not parsed. */
const DECLARATION_FILE = /\.d(\.[^./\\]+)?\.[cm]?ts$/;

/** With `--extensions`, only those are code; an extension we do not know (`.es6`) is read as `.js`. */
export function isSourceFile(path: string, extensions: string[] = SOURCE_EXTENSIONS): boolean {
  return extensions.includes(extname(path)) && !DECLARATION_FILE.test(path);
}

export async function syntaxFor(path: string, packageTypes: PackageTypeLookup): Promise<FileSyntax> {
  const language = LANGUAGES[extname(path)] ?? LANGUAGES[".js"];
  const kind = language.kind === "package" ? await packageTypes.typeFor(dirname(path)) : language.kind;
  return {
    sourceType: sourceTypeFor(kind, language.typescript),
    attempts: jsxVariants(language).map((jsx) => parserOptions(language, kind, jsx)),
  };
}

/** The plugin's runtime:"auto" reads the parsed program's sourceType to choose import or require.
 *  TypeScript is the exception for CommonJS: TS files are written with `import` and compiled to
 *  `require` by tsc, so "script" would reject valid code; "unambiguous" lets a file that imports get
 *  an import of the runtime, which tsc then lowers like the rest. */
function sourceTypeFor(kind: "module" | "commonjs" | undefined, typescript: boolean): SourceType {
  if (kind === "module") return "module";
  if (kind === "commonjs" && !typescript) return "script";
  return "unambiguous";
}

/** Whether a file may hold JSX, for the lexical pre-check. */
export function mayHoldJsx(syntax: FileSyntax): boolean {
  return syntax.attempts.some((attempt) => attempt.plugins?.includes("jsx"));
}

function jsxVariants(language: Language): boolean[] {
  return language.jsx === "try" ? [true, false] : [language.jsx];
}

function parserOptions(language: Language, kind: string | undefined, jsx: boolean): ParserOptions {
  const plugins: ParserPlugin[] = [];
  if (language.typescript) {
    // TypeScript forbids `<T>x` casts in .mts/.cts so that JSX-like syntax is never ambiguous there.
    plugins.push(["typescript", { dts: false, disallowAmbiguousJSXLike: language.kind !== "package" }]);
    plugins.push("decorators-legacy");
  } else {
    plugins.push("decorators");
  }
  if (jsx) plugins.push("jsx");
  // A CommonJS file is a function body to Node: top-level `return` is legal there. Top-level
  // `await` is not, but parsing it lets the plugin point at it (or wrap it, topLevelAwait:"wrap")
  // instead of a bare syntax error. Only for known scripts: in an unambiguous file it makes
  // Babel pick "script" where Node would run the file as a module.
  const commonjs = kind === "commonjs" && !language.typescript;
  return {
    plugins,
    allowReturnOutsideFunction: commonjs,
    allowNewTargetOutsideFunction: commonjs,
    allowAwaitOutsideFunction: commonjs,
  };
}
