import { execFile } from "node:child_process";
import { cp, mkdtemp, mkdir, writeFile } from "node:fs/promises";
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
  return root;
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI the way a user does: `node bin/unawait.js ...`, not a terminal, no colour
 *  variables inherited from whoever runs the tests. */
export function runCli(args: string[], cwd: string, env: Record<string, string> = {}): Promise<CliRun> {
  return runNode([CLI_BIN, ...args], cwd, env);
}

export function runNode(args: string[], cwd: string, env: Record<string, string> = {}): Promise<CliRun> {
  const { NO_COLOR, FORCE_COLOR, ...inherited } = process.env;
  return new Promise((done) => {
    execFile(process.execPath, args, { cwd, env: { ...inherited, ...env } }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
      done({ code, stdout, stderr });
    });
  });
}
