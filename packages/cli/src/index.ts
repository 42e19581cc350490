export { main, type Dependencies } from "./main.js";
export { createTransformer, type Transformer, type TransformResult } from "./compile-file.js";
export { mayHaveAsyncSyntax } from "./precheck.js";
export { transformSource, type TransformSettings } from "./transform.js";
export { syntaxFor, isSourceFile, SOURCE_EXTENSIONS, type FileSyntax } from "./syntax.js";
export { toDiagnostic, formatDiagnostic, type Diagnostic } from "./diagnostics.js";
export type { Io, Output } from "./io.js";
export type { PluginOptions, RuntimeMode, TopLevelAwaitMode } from "./options.js";
