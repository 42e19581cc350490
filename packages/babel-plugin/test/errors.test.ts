import { describe, expect, it } from "vitest";
import { transform } from "./transform.js";

/** Every error names the construct, the place (file:line:col with a code frame) and the fix. */
function errorOf(code: string, options: object = {}, babel: object = {}): Error & { code?: string } {
  try {
    transform(code, options, babel);
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected the transform to fail");
}

describe("errors", () => {
  it("rejects top-level await in a module with its location and the fix", () => {
    const error = errorOf("const a = 1;\nconst b = await a;\n", {}, { sourceType: "module" });
    expect(error.message).toMatch(/input\.js: \[unawait\] top-level await/);
    expect(error.message).toMatch(/\(2:10\)/);
    expect(error.message).toMatch(/Move it into an async function/);
    expect(error.message).toContain("> 2 | const b = await a;");
    expect(error.code).toBe("TOP_LEVEL_AWAIT");
  });

  it("tells a script or CommonJS file about the wrap option", () => {
    const error = errorOf("await 1;", {}, { sourceType: "script", parserOpts: { allowAwaitOutsideFunction: true } });
    expect(error.message).toMatch(/script or CommonJS file is only lowered with the option topLevelAwait: "wrap"/);
  });


  it("rejects super as a destructuring target instead of emitting broken code", () => {
    const error = errorOf("class A extends B { async m(o) { ({ x: super.x } = o); } }");
    expect(error.code).toBe("UNSUPPORTED_SUPER");
    expect(error.message).toMatch(/read it into a local variable/);
  });

  it("rejects a compound assignment to a named async function expression's own name", () => {
    const error = errorOf("const g = async function f() { f += 1; };");
    expect(error.code).toBe("UNSUPPORTED_SELF_ASSIGNMENT");
  });

  it("refuses to put an import into a script", () => {
    const error = errorOf("async function f() {}", { runtime: "import" }, { sourceType: "script" });
    expect(error.message).toMatch(/runtime: "import" needs an ES module/);
  });

  describe("options", () => {
    it.each([
      [{ runtime: "bundle" }, /option "runtime" must be "auto" \| "import" \| "require" \| "inline", got "bundle"/],
      [{ runtimeModule: "" }, /option "runtimeModule" must be a non-empty string/],
      [{ topLevelAwait: true }, /option "topLevelAwait" must be "error" \| "wrap", got true/],
      [{ runtme: "import" }, /unknown option "runtme". Known options: runtime, runtimeModule, topLevelAwait, warnings/],
    ])("rejects %j", (options, message) => {
      expect(errorOf("async function f() {}", options).message).toMatch(message);
    });
  });
});
