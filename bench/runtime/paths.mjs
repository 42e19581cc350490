import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const benchDir = dirname(dirname(fileURLToPath(import.meta.url)));
export const workDir = join(benchDir, ".work");
