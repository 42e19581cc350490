/** A mistake in how the CLI was called (bad inputs, conflicting flags). Exit code 2, no stack. */
export class UsageError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

export const EXIT_OK = 0;
export const EXIT_FILES_FAILED = 1;
export const EXIT_USAGE = 2;
