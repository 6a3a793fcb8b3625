// getPrivateCa for TypeScript programs: the promise form and the Output form (shared/program.ts).
import type * as pulumi from "@pulumi/pulumi";
import type { ResultOf } from "../shared/declaration.js";
import { type InputArgs, invokeInProgram, invokeOutput } from "../shared/program.js";
import { GET_PRIVATE_CA, type GetPrivateCaArgs } from "./declaration.js";

export type { GetPrivateCaArgs };
export type GetPrivateCaResult = ResultOf<typeof GET_PRIVATE_CA>;

/** One private CA, by id or by filters that match exactly one. Reference: docs/reference/GetPrivateCa.md. */
export function getPrivateCa(args: GetPrivateCaArgs): Promise<GetPrivateCaResult> {
  return invokeInProgram(GET_PRIVATE_CA, args);
}

/** {@link getPrivateCa} taking Outputs; at a preview with unknown arguments it makes no call and stays unknown. */
export function getPrivateCaOutput(args: InputArgs<GetPrivateCaArgs>): pulumi.Output<GetPrivateCaResult> {
  return invokeOutput<GetPrivateCaArgs, GetPrivateCaResult>(GET_PRIVATE_CA, args);
}
