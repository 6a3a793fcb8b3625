// getPrivateCertificate for TypeScript programs: the promise form and the Output form (shared/program.ts).
import type * as pulumi from "@pulumi/pulumi";
import type { ResultOf } from "../shared/declaration.js";
import { type InputArgs, invokeInProgram, invokeOutput } from "../shared/program.js";
import { GET_PRIVATE_CERTIFICATE, type GetPrivateCertificateArgs } from "./declaration.js";

export type { GetPrivateCertificateArgs };
export type GetPrivateCertificateResult = ResultOf<typeof GET_PRIVATE_CERTIFICATE>;

/** One private certificate by id, with its certificate (never its key). Reference: docs/reference/GetPrivateCertificate.md. */
export function getPrivateCertificate(args: GetPrivateCertificateArgs): Promise<GetPrivateCertificateResult> {
  return invokeInProgram(GET_PRIVATE_CERTIFICATE, args);
}

/** {@link getPrivateCertificate} taking Outputs; at a preview with unknown arguments it makes no call and stays unknown. */
export function getPrivateCertificateOutput(
  args: InputArgs<GetPrivateCertificateArgs>,
): pulumi.Output<GetPrivateCertificateResult> {
  return invokeOutput<GetPrivateCertificateArgs, GetPrivateCertificateResult>(GET_PRIVATE_CERTIFICATE, args);
}
