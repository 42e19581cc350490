import { execFile, spawn, type ChildProcess } from "node:child_process";
import { cp, mkdtemp, mkdir, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const CLI_BIN = resolve(dirname(fileURLToPath(import.meta.url)), "../../bin/unawait.js");
const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), "../fixtures");

/** A temporary copy of `fixtures/<name>`. A nested node_modules cannot be checked in (it is
 *  git-ignored), so the one the CLI must skip is added here. */
export async function fixtureCopy(name: string): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), `unawait-e2e-${name}-`));
  await cp(join(FIXTURES, name), root, { recursive: true });
  if (name === "project") {
    await mkdir(join(root, "src/node_modules/dep"), { recursive: true });
    await writeFile(join(root, "src/node_modules/dep/index.js"), "exports.dep = async () => 1;\n");
  }
  if (name === "broken") {
    // What git does not keep well: bytes that are not UTF-8, and symbolic links that lead nowhere.
    await writeFile(join(root, "src/e-latin1.js"), Buffer.from("// caf\xe9 au lait\nexport const f = async () => 1;\n", "latin1"));
    await symlink("f-loop.js", join(root, "src/f-loop.js"));
    await symlink("missing.js", join(root, "src/g-broken.js"));
    await mkdir(join(root, "src/h-dir"));
    await symlink("..", join(root, "src/h-dir/up"));
  }
  return root;
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI the way a user does: `node bin/unawait.js ...`, not a terminal, no colour
 *  variables inherited from whoever runs the tests. */
export function runCli(args: string[], cwd: string, env: Record<string, string> = {}, input?: string | Buffer): Promise<CliRun> {
  return runNode([CLI_BIN, ...args], cwd, env, input);
}

export function runNode(args: string[], cwd: string, env: Record<string, string> = {}, input?: string | Buffer): Promise<CliRun> {
  return new Promise((done) => {
    const child = execFile(process.execPath, args, { cwd, env: testEnv(env) }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
      done({ code, stdout, stderr });
    });
    child.stdin?.end(input ?? "");
  });
}

/** The environment of a child: no colour or CI variables inherited from whoever runs the tests. */
export function testEnv(env: Record<string, string> = {}): NodeJS.ProcessEnv {
  const { NO_COLOR, FORCE_COLOR, CI, ...inherited } = process.env;
  return { ...inherited, ...env };
}

/** A long-running CLI (--watch): its output so far, and a way to wait for a line. */
export interface LiveCli {
  child: ChildProcess;
  stderr(): string;
  /** Resolves once stderr (from `since` on) matches, or rejects after `ms`. */
  waitFor(pattern: RegExp, since?: number, ms?: number): Promise<string>;
  exited: Promise<number | null>;
}

export function startCli(args: string[], cwd: string): LiveCli {
  const child = spawn(process.execPath, [CLI_BIN, ...args], { cwd, env: testEnv(), stdio: ["ignore", "pipe", "pipe"] });
  let err = "";
  const listeners = new Set<() => void>();
  child.stderr!.on("data", (chunk) => {
    err += chunk;
    for (const listener of listeners) listener();
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return {
    child,
    stderr: () => err,
    exited,
    waitFor(pattern, since = 0, ms = 20_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(err.slice(since));
          if (!match) return;
          listeners.delete(check);
          clearTimeout(timer);
          resolve(match[0]);
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`timed out waiting for ${pattern} in stderr:\n${err}`));
        }, ms);
        listeners.add(check);
        check();
      });
    },
  };
}
