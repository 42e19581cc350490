// @babel/core resolves its `cwd` option with Node's `path`; in the page there is no process.cwd(),
// so every relative resolution starts at the root of a virtual file system.
import path from "path-browserify";

const resolve = (...segments: string[]): string => path.resolve("/", ...segments);

export default { ...path, resolve };
export const { basename, dirname, extname, join, relative, normalize, isAbsolute, sep, delimiter, parse, format } = path;
export { resolve };
