import type { PluginObj } from "@babel/core";
import type { BabelPlugin } from "../../src/plugin.js";

/** Stands in for @unawait/babel-plugin so the CLI's wiring can be tested on its own: it reports
 *  what it was given (options, the parsed program's sourceType) in a leading comment, fails with a
 *  located error on the identifier `__explode__`, and crashes without a location on `__crash__`. */
export const fakePlugin: BabelPlugin = (_api, options): PluginObj => ({
  name: "unawait",
  visitor: {
    Program: {
      exit(path) {
        const seen = { options, sourceType: path.node.sourceType };
        path.addComment("leading", ` fake-unawait ${JSON.stringify(seen)} `);
      },
    },
    Identifier(path) {
      if (path.node.name === "__explode__") throw path.buildCodeFrameError("[unawait] fake failure here");
      if (path.node.name === "__crash__") throw new TypeError("fake crash");
    },
  },
});

/** What the fake plugin recorded in the output. */
export function seenBy(output: string): { options: Record<string, unknown>; sourceType: string } {
  const match = /fake-unawait (\{.*?\}) \*\//.exec(output);
  if (!match) throw new Error(`no fake-unawait comment in:\n${output}`);
  return JSON.parse(match[1]);
}
