// The standing bad-input table: malformed inputs over all seven resources, each of which `pulumi
// preview` must refuse — naming the property, saying what is allowed, calling no API and echoing
// no secret. Rules come from the API pages and docs/api-facts.md (see provider/schemas/enums.ts).
// `allowed` matches the refusal's reason; `secret` is a value that must appear nowhere in the output.
import type { ResourceTypeName } from "../../provider/runtime/resource-types.js";
import { FIXTURE_CSR_PEM } from "../fixtures/pem.js";
import { CA_ID } from "./bad-input-cases/common.js";
import {
  CERTIFICATE_BUNDLE_CASES,
  MIGRATION_TASK_CERT_KEY_CASES,
  SCM_CERTIFICATE_BUNDLE_CASES,
} from "./bad-input-cases/exports.js";
import { INTERMEDIATE_CA_CERTIFICATE_CASES } from "./bad-input-cases/intermediate-ca-certificate.js";
import { PRIVATE_CA_CASES } from "./bad-input-cases/private-ca.js";
import { PRIVATE_CERTIFICATE_CASES } from "./bad-input-cases/private-certificate.js";
import { REVOCATION_CASES } from "./bad-input-cases/revocation.js";

export type ResourceType = ResourceTypeName;

export interface BadInputCase {
  name: string;
  type: ResourceType;
  /** The bad part, merged over the resource's valid base args. */
  args: Record<string, unknown>;
  /** The property the refusal must name, as the engine prints it ("validity.startFrom", "tags"). */
  property: string;
  /** Must match the refusal's reason: what is allowed. */
  allowed: RegExp;
  secret?: string;
}

export const BASE_ARGS: Record<ResourceType, Record<string, unknown>> = {
  PrivateCa: {
    type: "ROOT",
    distinguishedName: {
      commonName: "Table Root",
      country: "CN",
      state: "Sichuan",
      locality: "Chengdu",
      organization: "Example Corp",
      organizationalUnit: "Platform",
    },
    keyAlgorithm: "EC384",
    signatureAlgorithm: "SHA384",
    validity: { type: "YEAR", value: 5 },
  },
  PrivateCertificate: {
    issuerId: CA_ID,
    keyAlgorithm: "EC256",
    signatureAlgorithm: "SHA256",
    distinguishedName: { commonName: "app.internal.example" },
    validity: { type: "DAY", value: 30 },
  },
  IntermediateCaCertificate: { issuerId: CA_ID, csrPem: FIXTURE_CSR_PEM, validity: { type: "YEAR", value: 5 } },
  CertificateBundle: { certificateId: CA_ID, type: "NGINX" },
  ScmCertificateBundle: { certificateId: "scs1554192131150" },
  MigrationTaskCertKey: { taskId: "task-0001" },
  Revocation: { certificateId: CA_ID, reason: "KEY_COMPROMISE" },
};

/** The table, one resource's cases after another (each resource's own file, in bad-input-cases/). */
export const BAD_INPUT_CASES: BadInputCase[] = [
  ...PRIVATE_CERTIFICATE_CASES,
  ...PRIVATE_CA_CASES,
  ...INTERMEDIATE_CA_CERTIFICATE_CASES,
  ...CERTIFICATE_BUNDLE_CASES,
  ...SCM_CERTIFICATE_BUNDLE_CASES,
  ...MIGRATION_TASK_CERT_KEY_CASES,
  ...REVOCATION_CASES,
];
