import type { Io, Output } from "../../src/io.js";

export interface Captured extends Output {
  text: string;
}

function capture(isTTY: boolean, columns?: number): Captured {
  return {
    text: "",
    isTTY,
    columns,
    write(chunk: string) {
      this.text += chunk;
    },
  };
}

export interface FakeIo extends Io {
  stdout: Captured;
  stderr: Captured;
}

export function fakeIo(cwd: string, options: { tty?: boolean; columns?: number; env?: Io["env"] } = {}): FakeIo {
  return {
    cwd,
    env: options.env ?? {},
    stdout: capture(options.tty ?? false, options.columns),
    stderr: capture(options.tty ?? false, options.columns),
  };
}
