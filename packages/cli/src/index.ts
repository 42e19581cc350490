export { main, type Dependencies } from "./main.js";
export { createCompiler, type CompileFile, type CompileResult } from "./compile-file.js";
export { transformSource, type TransformSettings } from "./transform.js";
export { syntaxFor, isSourceFile, SOURCE_EXTENSIONS, type FileSyntax } from "./syntax.js";
export { toDiagnostic, formatDiagnostic, type Diagnostic } from "./diagnostics.js";
export type { Io, Output } from "./io.js";
export type { PluginOptions, RuntimeMode, TopLevelAwaitMode } from "./options.js";
