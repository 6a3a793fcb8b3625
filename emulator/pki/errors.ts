/**
 * The one error the PKI layer throws for input it cannot use (garbage PEM, a key that does not fit,
 * an unknown algorithm). The emulator's model maps it to the API's 400 error codes. Messages name
 * what was wrong, never the key or PEM body itself.
 */
export class PkiInputError extends Error {
  readonly code = "PKI_INPUT";

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "PkiInputError";
  }
}
