import { describe, expect, it } from "vitest";
import { EXAMPLES } from "../src/examples/index.js";
import { linkSuspensions, type SuspensionLink } from "../src/transform/suspension-links.js";
import { transformAsyncCode, type RuntimeDelivery } from "../src/transform/transform.js";

function links(source: string, runtime: RuntimeDelivery = "import") {
  const result = transformAsyncCode(source, runtime);
  if (!result.ok) throw new Error(result.message);
  const slice = (text: string, r: { from: number; to: number }) => text.slice(r.from, r.to);
  return linkSuspensions(source, result.code, result.map).map((link: SuspensionLink) => ({
    await: slice(source, link.source),
    yields: link.generated.map((r) => slice(result.code, r)),
  }));
}

describe("await ↔ yield links through the source map", () => {
  it("links each await to the yield of the same operand", () => {
    const source = "async function f(a) {\n  const x = await g(a);\n  return x + (await h());\n}\nconst k = async () => await k2;";
    expect(links(source)).toEqual([
      { await: "await g(a)", yields: ["yield g(a)"] },
      { await: "await h()", yields: ["yield h()"] },
      { await: "await k2", yields: ["yield k2"] },
    ]);
  });

  it("keeps nested awaits apart", () => {
    expect(links("async function f() { return await (await p); }")).toEqual([
      { await: "await (await p)", yields: ["yield yield p"] },
      { await: "await p", yields: ["yield p"] },
    ]);
  });

  it("links awaits whose operand the transform rewrites (super calls)", () => {
    const [link] = links("class A extends B { async m() { return await super.m(); } }");
    expect(link!.await).toBe("await super.m()");
    expect(link!.yields).toHaveLength(1);
    expect(link!.yields[0]).toMatch(/^yield /);
  });

  it("finds the same links with the runtime inlined (offsets past the runtime's copy)", () => {
    expect(links("async function f() { await one(); await two(); }", "inline")).toEqual([
      { await: "await one()", yields: ["yield one()"] },
      { await: "await two()", yields: ["yield two()"] },
    ]);
  });

  for (const example of EXAMPLES) {
    it(`links every await of the example "${example.id}" to a yield of its own`, () => {
      const result = transformAsyncCode(example.code, "import");
      if (!result.ok) return expect(result.message).toMatch(/not supported yet/);
      const found = linkSuspensions(example.code, result.code, result.map);
      const awaits = found.filter((link) => example.code.startsWith("await", link.source.from));
      for (const link of awaits) expect({ at: link.source, count: link.generated.length }).toEqual({ at: link.source, count: 1 });
      const used = found.flatMap((link) => link.generated.map((r) => r.from));
      expect(new Set(used).size).toBe(used.length);
    });
  }
});
