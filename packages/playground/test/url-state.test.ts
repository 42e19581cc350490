import { describe, expect, it } from "vitest";
import { hashToState, stateToHash } from "../src/share/url-state.js";

const examples = [{ id: "hello", code: "console.log('hello');\n" }];

describe("shareable URL state", () => {
  it("round-trips any code, including non-ASCII text and characters that matter in URLs", () => {
    const code = "const s = `ça & va? #1 + 2/3 = 😀`;\nawait s;\n";
    const hash = stateToHash({ code, runtime: "inline", warnings: true }, { examples });
    expect(new URLSearchParams(hash.slice(1)).get("code")).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(hashToState(hash, { examples })).toEqual({ code, runtime: "inline", warnings: true });
  });

  it("shares an untouched example by its id", () => {
    const hash = stateToHash({ code: examples[0]!.code, runtime: "import", warnings: true }, { examples });
    expect(hash).toBe("#example=hello&runtime=import");
    expect(hashToState(hash, { examples })).toEqual({ code: examples[0]!.code, runtime: "import", warnings: true });
  });

  it("keeps the warnings on unless the link turns them off", () => {
    const off = stateToHash({ code: examples[0]!.code, runtime: "import", warnings: false }, { examples });
    expect(off).toBe("#example=hello&runtime=import&warnings=off");
    expect(hashToState(off, { examples })?.warnings).toBe(false);
    expect(hashToState("#example=hello&runtime=import&warnings=bogus", { examples })?.warnings).toBe(true);
  });

  it("falls back to the import display for an unknown runtime", () => {
    expect(hashToState("#example=hello&runtime=bogus", { examples })?.runtime).toBe("import");
  });

  it("returns null for an empty hash, an unknown example or a broken payload", () => {
    expect(hashToState("", { examples })).toBeNull();
    expect(hashToState("#example=nope", { examples })).toBeNull();
    expect(hashToState("#code=%%%", { examples })).toBeNull();
    expect(hashToState("#code=_w", { examples })).toBeNull(); // 0xFF is not UTF-8
  });
});
