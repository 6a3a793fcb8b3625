// getPrivateCertificate, declared once: one certificate by id — its detail, its tags and, while it
// is ISSUED (the only state CCM exports in), its certificate and what is read from it.
import { z } from "zod";
import { CcmLookupError } from "../../errors.js";
import { certificateMetadata } from "../../pem.js";
import { subjectAlternativeNamesOf } from "../../resources/shared/certificate-facts.js";
import { CERTIFICATE_FIELDS, certificateFields } from "../shared/certificate-result.js";
import { defineFunction, described } from "../shared/declaration.js";

export interface GetPrivateCertificateArgs {
  /** The certificate's id. */
  certificateId: string;
}

const fromCertificate = (description: string) =>
  described(z.string().optional(), `${description} Read from the certificate; absent unless it is ISSUED.`);

export const GET_PRIVATE_CERTIFICATE = defineFunction({
  name: "getPrivateCertificate",
  description:
    "Looks up one private certificate by id: status, serial number, dates, subject, SANs, issuer, fingerprints and the certificate itself (never its key).",
  inputs: z.strictObject({ certificateId: z.string().min(1).max(64) }),
  result: z.object({
    ...CERTIFICATE_FIELDS,
    tags: described(z.record(z.string(), z.string()), "The certificate's tags."),
    certificatePem: fromCertificate("The certificate (PEM)."),
    certificateChainPem: fromCertificate("The chain up to the root (PEM)."),
    subject: fromCertificate("The subject, as a distinguished name string."),
    issuer: fromCertificate("The issuer, as a distinguished name string."),
    subjectAlternativeNames: described(
      z.array(z.string()),
      'The subject alternative names ("DNS:api.example.com", "IP Address:10.0.0.1"); empty unless ISSUED.',
    ),
    sha256Fingerprint: fromCertificate('SHA-256 fingerprint, "AB:CD:…".'),
    sha1Fingerprint: fromCertificate('SHA-1 fingerprint, "AB:CD:…".'),
  }),
  async run({ client }, { certificateId }) {
    const found = await client.certificates.find(certificateId);
    if (!found)
      throw new CcmLookupError(`getPrivateCertificate: no certificate has the id ${JSON.stringify(certificateId)}`);
    const tags = await client.certificates.tags.list(certificateId);
    const fields = { ...certificateFields(found), tags };
    if (found.status !== "ISSUED") return { ...fields, subjectAlternativeNames: [] };
    // The export carries the private key of a CCM-generated certificate too; it goes no further than here.
    const { certificate, certificateChain } = await client.certificates.exportPem(certificateId, { type: "OTHER" });
    if (!certificate) return { ...fields, subjectAlternativeNames: [] };
    const meta = certificateMetadata(certificate);
    return {
      ...fields,
      certificatePem: certificate,
      ...(certificateChain ? { certificateChainPem: certificateChain } : {}),
      subject: meta.subject,
      issuer: meta.issuer,
      subjectAlternativeNames: subjectAlternativeNamesOf(meta),
      sha256Fingerprint: meta.fingerprintSha256,
      sha1Fingerprint: meta.fingerprintSha1,
    };
  },
});
