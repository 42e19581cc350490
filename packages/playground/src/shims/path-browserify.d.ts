declare module "path-browserify" {
  import type { PlatformPath } from "node:path";
  const path: PlatformPath;
  export default path;
}
