// getPrivateCas for TypeScript programs: the promise form and the Output form (shared/program.ts).
import type * as pulumi from "@pulumi/pulumi";
import type { ResultOf } from "../shared/declaration.js";
import { type InputArgs, invokeInProgram, invokeOutput } from "../shared/program.js";
import { GET_PRIVATE_CAS, type GetPrivateCasArgs } from "./declaration.js";

export type { GetPrivateCasArgs };
export type GetPrivateCasResult = ResultOf<typeof GET_PRIVATE_CAS>;

/** The private CAs the filters keep, sorted. Reference: docs/reference/GetPrivateCas.md. */
export function getPrivateCas(args: GetPrivateCasArgs = {}): Promise<GetPrivateCasResult> {
  return invokeInProgram(GET_PRIVATE_CAS, args);
}

/** {@link getPrivateCas} taking Outputs; at a preview with unknown arguments it makes no call and stays unknown. */
export function getPrivateCasOutput(args: InputArgs<GetPrivateCasArgs> = {}): pulumi.Output<GetPrivateCasResult> {
  return invokeOutput<GetPrivateCasArgs, GetPrivateCasResult>(GET_PRIVATE_CAS, args);
}
