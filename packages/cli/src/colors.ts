import pc from "picocolors";
import type { Io, Output } from "./io.js";

export type Colors = ReturnType<typeof pc.createColors>;

/** Colours only on a terminal, and never with NO_COLOR (https://no-color.org: any non-empty value)
 *  or `--no-color`. Decided per stream: stdout may be piped while stderr is a terminal. */
export function useColor(stream: Output, env: Io["env"], flag: boolean): boolean {
  if (!flag) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  return stream.isTTY === true;
}

export function colors(enabled: boolean): Colors {
  return pc.createColors(enabled);
}
