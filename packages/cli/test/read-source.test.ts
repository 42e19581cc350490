import { describe, expect, it } from "vitest";
import { decodeSource, firstInvalidByte, readError } from "../src/read-source.js";

describe("reading sources", () => {
  it("finds the first byte that is not UTF-8, after valid multi-byte characters", () => {
    expect(firstInvalidByte(Buffer.from([0x61, 0xc3, 0xa9, 0x62, 0xe9, 0x63]))).toBe(4);
    expect(firstInvalidByte(Buffer.from([0xe2, 0x82]))).toBe(0); // cut short
    expect(firstInvalidByte(Buffer.from([0x61, 0xf8]))).toBe(1); // never a lead byte
  });

  it("points a diagnostic at the line and column of that byte, with the text around it", () => {
    const result = decodeSource(Buffer.from("ok();\nconst s = 'caf\xe9';\n", "latin1"), "/p/a.js");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostic).toMatchObject({ file: "/p/a.js", line: 2, column: 15, code: "NOT_UTF8" });
    expect(result.diagnostic.message).toBe("not UTF-8 text: byte 0xe9 cannot start or continue a character");
    expect(result.diagnostic.source).toContain("const s = 'caf\ufffd';");
  });

  it("says when a file looks like UTF-16", () => {
    const result = decodeSource(Buffer.from("\ufeffx", "utf16le"), "/p/a.js");
    expect(!result.ok && result.diagnostic.message).toMatch(/\(it looks like UTF-16: save it as UTF-8\)$/);
  });

  it("names what went wrong reading, by errno", () => {
    const error = (code: string) => Object.assign(new Error(`${code}: x`), { code });
    expect(readError(error("EACCES"), "/p/a.js").message).toBe("cannot read the file: permission denied");
    expect(readError(error("ELOOP"), "/p/a.js").message).toBe("cannot read the file: it is a symbolic link loop");
    expect(readError(error("ENOENT"), "/p/a.js").message).toBe("cannot read the file: it does not exist (a broken symbolic link?)");
    expect(readError(error("EIO"), "/p/a.js").message).toBe("cannot read the file: EIO: x");
  });
});
