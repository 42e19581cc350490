import { main } from "./main.js";

// A reader that stops early (`unawait big.js | head`) closes the pipe: that is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
  process.exit(process.exitCode ?? 0);
});

// exitCode rather than exit(): stdout may still be flushing a large transformed file into a pipe.
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
