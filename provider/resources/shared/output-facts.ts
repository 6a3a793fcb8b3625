// Outputs several resources report alike, declared once: what a CCM-issued object's record says
// (CAs, certificates, intermediate CA certificates), what an exported certificate says of itself
// (the two bundles), and the look-alikes a re-sent create may leave.
import type { OutputFacts } from "./declaration.js";

/** A text output; `true` for a secret one, or `secret` and `optional` as OutputFacts says. */
export const STRING_OUTPUT = (
  description: string,
  facts: true | { secret?: true; optional?: true } = {},
): OutputFacts => ({ type: "string", description, ...(facts === true ? { secret: true } : facts) });
const text = STRING_OUTPUT;

/** A CCM-issued object, as the service's record of it says. */
export const ISSUED_OUTPUTS = {
  status: text("PENDING, ACTIVED, DISABLED, DELETED or EXPIRED, as of the last create, update or refresh."),
  serialNumber: text("Serial number, hexadecimal."),
  notBefore: text("Start of validity, ISO 8601; absent while a CA is PENDING."),
  notAfter: text("End of validity, ISO 8601; absent while a CA is PENDING."),
  issuerName: text("Common name of the issuing CA."),
  subject: {
    type: "stringMap",
    description:
      "The subject as the service reports it: a certificate's with the fields inherited from its CA, an intermediate CA certificate's taken from the CSR.",
  },
} as const satisfies Record<string, OutputFacts>;

/** An exported certificate, as read from the certificate itself. */
export const EXPORTED_CERTIFICATE_OUTPUTS = {
  serialNumber: text("Hex serial number of the (leaf) certificate, read locally."),
  notBefore: text("Start of validity of the leaf, ISO 8601."),
  notAfter: text("End of validity of the leaf, ISO 8601."),
  sha256Fingerprint: text('SHA-256 fingerprint of the (leaf) certificate, "AB:CD:…".'),
  subject: text('The (leaf) certificate\'s subject, e.g. "C=CN\\nO=Example\\nCN=web.internal.example".'),
  subjectAlternativeNames: {
    type: "stringArray",
    description: 'Its subject alternative names, e.g. ["DNS:web.internal.example", "IP Address:10.0.0.1"].',
  },
  certificatePem: text('The leaf certificate (PEM, "\\n" line endings).', { secret: true }),
  certificateChainPem: text("The issuing chain, intermediate(s) then root (PEM).", { secret: true, optional: true }),
} as const satisfies Record<string, OutputFacts>;

/** Look-alikes a lost create's re-send may have left, of `what` ("CAs", "certificates"). */
export function suspectedDuplicates(what: string): OutputFacts {
  return {
    type: "stringArray",
    optional: true,
    description: `Set only when the create's response was lost and it was re-sent: ${what} that appeared meanwhile, match this one's request and no resource holds — possible duplicates to check and delete by hand (\`pulumi up\` also prints a warning naming them).`,
  };
}
