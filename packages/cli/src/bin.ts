import { main } from "./main.js";

// exitCode rather than exit(): stdout may still be flushing a large transformed file into a pipe.
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
