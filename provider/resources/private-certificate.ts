// PrivateCertificate: a certificate issued by a CCM private CA (CCM "Applying for a Certificate", POST /v1/private-certificates),
// or from your own CSR (POST /v1/private-certificates/csr) so the key never leaves you. Its PEMs
// and keystores come from a CertificateBundle. Handlers: private-certificate.handlers.ts.
import type * as pulumi from "@pulumi/pulumi";
import type {
  CertificateKeyAlgorithm,
  CertificateSignatureAlgorithm,
  KeyUsage,
  RevocationReason,
  SanType,
  ValidityType,
} from "../schemas/enums.js";
import type { DeclaredOutputs, PropertyKinds } from "./ccm-resource.js";
import { ISSUED_PROPERTIES, IssuedResource } from "./issued-resource.js";
import type { PrivateCertificateInputs, PrivateCertificateOutputs } from "./private-certificate.handlers.js";

export interface DistinguishedNameArgs {
  /** CN, 1–64 characters. */
  commonName: pulumi.Input<string>;
  /** Two letters (ISO 3166). Omitted fields are inherited from the issuing CA. */
  country?: pulumi.Input<string>;
  state?: pulumi.Input<string>;
  locality?: pulumi.Input<string>;
  organization?: pulumi.Input<string>;
  organizationalUnit?: pulumi.Input<string>;
}

export interface ValidityArgs {
  /** YEAR (12 months), MONTH (31 days), DAY or HOUR. */
  type: pulumi.Input<ValidityType>;
  /** How many units; at most 20 years for certificates and subordinate CAs, 30 for root CAs. */
  value: pulumi.Input<number>;
  /** Start time: ISO 8601 text or milliseconds since the epoch; not earlier than now − 5 minutes. */
  startFrom?: pulumi.Input<string | number>;
}

export interface SubjectAlternativeNameArgs {
  type: pulumi.Input<SanType>;
  value: pulumi.Input<string>;
}

export interface ExtendedKeyUsageArgs {
  serverAuth?: pulumi.Input<boolean>;
  clientAuth?: pulumi.Input<boolean>;
  codeSigning?: pulumi.Input<boolean>;
  emailProtection?: pulumi.Input<boolean>;
  timeStamping?: pulumi.Input<boolean>;
}

export interface CustomizedExtensionArgs {
  /** Dotted OID, e.g. 1.3.6.1.4.1.2011.4.99. */
  objectIdentifier: pulumi.Input<string>;
  value: pulumi.Input<string>;
}

export interface PrivateCertificateArgs {
  /** The issuing private CA (ACTIVED). */
  issuerId: pulumi.Input<string>;
  validity: pulumi.Input<ValidityArgs>;
  /** Required unless csrPem is given (then the CSR carries the key). */
  keyAlgorithm?: pulumi.Input<CertificateKeyAlgorithm>;
  /** Required unless csrPem is given. */
  signatureAlgorithm?: pulumi.Input<CertificateSignatureAlgorithm>;
  /** Required unless csrPem is given (then the CSR carries the subject). */
  distinguishedName?: pulumi.Input<DistinguishedNameArgs>;
  keyUsages?: pulumi.Input<pulumi.Input<KeyUsage>[]>;
  /** Up to 20 names: DNS, IP, EMAIL, URI. */
  subjectAlternativeNames?: pulumi.Input<pulumi.Input<SubjectAlternativeNameArgs>[]>;
  extendedKeyUsage?: pulumi.Input<ExtendedKeyUsageArgs>;
  customizedExtension?: pulumi.Input<CustomizedExtensionArgs>;
  /**
   * Issue from your own PKCS#10 request instead of a key the service generates: the private key
   * never leaves you, and the bundle then carries no key. Stored as a secret.
   */
  csrPem?: pulumi.Input<string>;
  /** Enterprise project to issue into (Huawei Cloud EPS), where the account uses them. */
  enterpriseProjectId?: pulumi.Input<string>;
  /** Tags, updated in place. */
  tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /**
   * Renew this long before notAfter: once inside the window, `pulumi preview` / `up` plan a
   * replacement (new certificate first, then the old one is deleted) — no refresh needed.
   * "720h", "30d", "1h30m" or ISO 8601 "P30D". Updated in place.
   */
  renewBefore?: pulumi.Input<string>;
  /** Revoke with this reason before deleting (on destroy and after a replacement). Updated in place. */
  revokeOnDelete?: pulumi.Input<RevocationReason>;
}

const PROPERTIES = {
  issuerId: "input",
  validity: "input",
  keyAlgorithm: "input",
  signatureAlgorithm: "input",
  distinguishedName: "input",
  keyUsages: "input",
  subjectAlternativeNames: "input",
  extendedKeyUsage: "input",
  customizedExtension: "input",
  enterpriseProjectId: "input",
  csrPem: "input",
  tags: "input",
  renewBefore: "input",
  revokeOnDelete: "input",
  certificateId: "resource id",
  status: "output",
  ...ISSUED_PROPERTIES,
  genMode: "output",
  readyForRenewal: "output",
  suspectedDuplicateIds: "output",
} as const satisfies PropertyKinds<PrivateCertificateArgs, PrivateCertificateInputs, PrivateCertificateOutputs>;

export class PrivateCertificate
  extends IssuedResource
  implements DeclaredOutputs<PrivateCertificate, PrivateCertificateOutputs>
{
  /**
   * The CCM certificate id: the resource's id. Unlike the other outputs it stays known during a
   * preview of an in-place update (a tags change), so bundles built from it are not shown as
   * replaced when nothing about the certificate changes.
   */
  readonly certificateId: pulumi.Output<string>;
  /** ISSUED, REVOKED or EXPIRED, as of the last create, update or refresh. */
  declare readonly status: pulumi.Output<string>;
  declare readonly issuerId: pulumi.Output<string>;
  /** GENERATE (the service made the key) or CSR. */
  declare readonly genMode: pulumi.Output<string>;
  /** True once now ≥ notAfter − renewBefore (or the certificate is revoked or expired). */
  declare readonly readyForRenewal: pulumi.Output<boolean>;
  declare readonly keyAlgorithm: pulumi.Output<string | undefined>;
  declare readonly signatureAlgorithm: pulumi.Output<string | undefined>;
  declare readonly tags: pulumi.Output<Record<string, string> | undefined>;
  declare readonly renewBefore: pulumi.Output<string | undefined>;
  declare readonly revokeOnDelete: pulumi.Output<string | undefined>;
  /**
   * Set only when the apply's response was lost and it was re-sent: certificates that appeared
   * meanwhile, match this one's whole request and no resource holds — possible duplicates made by
   * the lost attempt, to check and delete by hand (`pulumi up` also prints a warning naming them).
   */
  declare readonly suspectedDuplicateIds: pulumi.Output<string[] | undefined>;

  constructor(name: string, args: PrivateCertificateArgs, opts?: pulumi.CustomResourceOptions) {
    super("PrivateCertificate", name, args, PROPERTIES, opts);
    this.certificateId = this.id;
  }

  /**
   * Looks up an existing certificate by id (read-only: Pulumi does not create, update or delete
   * it). `pulumi import` does not work for dynamic providers (pulumi/pulumi#16175); this does.
   */
  static get(name: string, id: pulumi.Input<string>, opts?: pulumi.CustomResourceOptions): PrivateCertificate {
    return PrivateCertificate.lookup(name, id, opts);
  }
}
