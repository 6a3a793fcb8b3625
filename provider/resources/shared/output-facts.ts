// Outputs several resources report alike, declared once: what a CCM-issued object's record says
// (CAs, certificates, intermediate CA certificates), what an exported certificate says of itself
// (the two bundles), and the look-alikes a re-sent create may leave.
import type { OutputFacts } from "./declaration.js";

const text = (description: string, secret = false): OutputFacts => ({
  type: "string",
  description,
  ...(secret ? { secret } : {}),
});

export const STRING_OUTPUT = text;

/** A CCM-issued object, as the service's record of it says. */
export const ISSUED_OUTPUTS = {
  status: text("PENDING, ACTIVED, DISABLED, DELETED or EXPIRED, as of the last create, update or refresh."),
  serialNumber: text("Serial number, hexadecimal."),
  notBefore: text("Start of validity, ISO 8601."),
  notAfter: text("End of validity, ISO 8601."),
  issuerName: text("Common name of the issuing CA."),
  subject: { type: "stringMap", description: "The subject as issued." },
} as const satisfies Record<string, OutputFacts>;

/** An exported certificate, as read from the certificate itself. */
export const EXPORTED_CERTIFICATE_OUTPUTS = {
  serialNumber: text("Serial number of the leaf certificate."),
  notBefore: text("Start of validity of the leaf, ISO 8601."),
  notAfter: text("End of validity of the leaf, ISO 8601."),
  sha256Fingerprint: text("SHA-256 fingerprint of the leaf certificate."),
  subject: text("Subject of the leaf certificate, as one text."),
  subjectAlternativeNames: { type: "stringArray", description: "Subject alternative names of the leaf." },
  certificatePem: text("The leaf certificate, PEM.", true),
  certificateChainPem: text("The issuing chain, PEM (leaf excluded).", true),
  privateKeyPem: text("The private key, PEM (absent for certificates issued from a CSR).", true),
} as const satisfies Record<string, OutputFacts>;

export const SUSPECTED_DUPLICATES: OutputFacts = {
  type: "stringArray",
  description:
    "Set only when a create's response was lost and it was re-sent: look-alikes no resource holds, to check and delete by hand.",
};
