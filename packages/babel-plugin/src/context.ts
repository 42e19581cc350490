import type { NodePath } from "@babel/core";
import { types as t } from "@babel/core";
import type { ResolvedOptions } from "./options.js";
import { NameRegistry } from "./names.js";
import { RuntimeHelpers } from "./runtime-import.js";
import { ClassContainers } from "./placement.js";

/** Per-file state shared by the lowering modules. */
export class FileContext {
  names: NameRegistry;
  helpers: RuntimeHelpers;
  classes: ClassContainers;
  /** Captures of `arguments` / `new.target` made for async arrows, per enclosing function. */
  captures = new WeakMap<t.Node, Map<string, t.Identifier>>();
  /** `_yield` accessor objects for outer variables named `yield`, per declaring scope. */
  yieldAccessors = new WeakMap<t.Node, t.Identifier>();
  /** `(_obj = { … })` slots giving object-literal methods an explicit home object. */
  objectHomes = new WeakMap<t.Node, t.Identifier>();

  /** `yield*`s the lowering itself emitted (runtime delegation), which the async-generator
   *  pass must not treat as the user's `yield*`. */
  runtimeYields = new WeakSet<t.Node>();
  /** Reported through Babel's `file.metadata.unawait.warnings` (the CLI prints them). */
  warnings: { code: string; message: string; loc?: { line: number; column: number } }[] = [];
  /** The first top-level `await` (or `for await`), when the file has one. */
  topLevelAwait: t.Node | null = null;

  warn(code: string, message: string, loc?: { line: number; column: number }): void {
    this.warnings.push({ code, message, loc });
  }

  constructor(public program: NodePath<t.Program>, public options: ResolvedOptions) {
    this.names = new NameRegistry(program);
    this.helpers = new RuntimeHelpers(this.names);
    this.classes = new ClassContainers(this.names);
  }
}
