import { randomBytes } from "node:crypto";
import { constants } from "node:fs";
import { chmod, copyFile, mkdir, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/** Writes `target` so that a reader (or a crash) never sees half a file: the data goes to a
 *  temporary file in the same directory, then one rename replaces the target.
 *  Trade-off: no fsync — a power cut may still lose the new file, but a build can be rerun, and
 *  an fsync per file would dominate the time of a large tree. */
export async function writeFileAtomic(target: string, data: string | Uint8Array, mode?: number): Promise<void> {
  await replaceWith(target, async (temp) => {
    await writeFile(temp, data, { flag: "wx" });
    // The mode passed to open() is masked by the umask; chmod states the mode we mean.
    if (mode !== undefined) await chmod(temp, mode & 0o777);
  });
}

/** copyFile keeps the source's permission bits, which is what `--copy-files` wants. */
export async function copyFileAtomic(source: string, target: string): Promise<void> {
  await replaceWith(target, (temp) => copyFile(source, temp, constants.COPYFILE_EXCL));
}

async function replaceWith(target: string, fill: (temp: string) => Promise<void>): Promise<void> {
  const dir = dirname(target);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.${basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    await fill(temp);
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
