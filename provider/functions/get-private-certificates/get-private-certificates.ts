// getPrivateCertificates for TypeScript programs: the promise form and the Output form (shared/program.ts).
import type * as pulumi from "@pulumi/pulumi";
import type { ResultOf } from "../shared/declaration.js";
import { type InputArgs, invokeInProgram, invokeOutput } from "../shared/program.js";
import { GET_PRIVATE_CERTIFICATES, type GetPrivateCertificatesArgs } from "./declaration.js";

export type { GetPrivateCertificatesArgs };
export type GetPrivateCertificatesResult = ResultOf<typeof GET_PRIVATE_CERTIFICATES>;

/** The private certificates the filters keep, sorted. Reference: docs/reference/GetPrivateCertificates.md. */
export function getPrivateCertificates(args: GetPrivateCertificatesArgs = {}): Promise<GetPrivateCertificatesResult> {
  return invokeInProgram(GET_PRIVATE_CERTIFICATES, args);
}

/** {@link getPrivateCertificates} taking Outputs; at a preview with unknown arguments it makes no call and stays unknown. */
export function getPrivateCertificatesOutput(
  args: InputArgs<GetPrivateCertificatesArgs> = {},
): pulumi.Output<GetPrivateCertificatesResult> {
  return invokeOutput<GetPrivateCertificatesArgs, GetPrivateCertificatesResult>(GET_PRIVATE_CERTIFICATES, args);
}
