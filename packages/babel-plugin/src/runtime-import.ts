import type { NodePath } from "@babel/core";
import { types as t } from "@babel/core";
import type { ResolvedOptions } from "./options.js";
import type { NameRegistry } from "./names.js";
import { inlineRuntime } from "./inline-runtime.js";

/** The runtime helpers a file uses, and how it reaches them. */
export class RuntimeHelpers {
  private used = new Map<string, string>();
  constructor(private names: NameRegistry) {}

  /** An identifier for helper `name` (`run`, `superGet`, …). */
  ref(name: string): t.Identifier {
    let local = this.used.get(name);
    if (!local) {
      local = this.names.fresh(name);
      this.used.set(name, local);
    }
    return t.identifier(local);
  }

  /**
   *   import { run } from "@unawait/runtime";          (ES module)
   *   const { run } = require("@unawait/runtime");     (script / CommonJS)
   *   const { run } = (() => { …runtime… })();         (inline)
   */
  insert(program: NodePath<t.Program>, options: ResolvedOptions): void {
    if (this.used.size === 0) return;
    const specifiers = [...this.used].map(([name, local]) => ({ name, local }));
    const delivery = options.runtime === "auto"
      ? (program.node.sourceType === "module" ? "import" : "require")
      : options.runtime;
    if (delivery === "import" && program.node.sourceType !== "module") {
      throw program.buildCodeFrameError(
        '[unawait] option runtime: "import" needs an ES module, but this file is parsed as a script; ' +
          'use runtime: "require", "inline" or "auto", or parse the file as a module (sourceType: "module").',
      );
    }
    let statement: t.Statement;
    if (delivery === "import") {
      statement = t.importDeclaration(
        specifiers.map(({ name, local }) => t.importSpecifier(t.identifier(local), t.identifier(name))),
        t.stringLiteral(options.runtimeModule),
      );
    } else {
      const pattern = t.objectPattern(
        specifiers.map(({ name, local }) =>
          t.objectProperty(t.identifier(name), t.identifier(local), false, name === local),
        ),
      );
      const source = delivery === "require"
        ? t.callExpression(t.identifier("require"), [t.stringLiteral(options.runtimeModule)])
        : inlineRuntime(specifiers.map((s) => s.name));
      statement = t.variableDeclaration("const", [t.variableDeclarator(pattern, source)]);
    }
    const [inserted] = program.unshiftContainer("body", statement);
    // Keep a leading "use strict" and hashbang-adjacent comments where they were.
    void inserted;
  }
}
