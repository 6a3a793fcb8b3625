// Kept so existing importers under provider/ keep working; redaction lives in the leaf module
// provider/redact.ts, which errors.ts and the client both import.
export { createRedactor, REDACTED, type Redactor, scrub } from "../redact.js";
