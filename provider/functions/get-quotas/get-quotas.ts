// getQuotas for TypeScript programs: the promise form and the Output form (shared/program.ts).
import type * as pulumi from "@pulumi/pulumi";
import type { ResultOf } from "../shared/declaration.js";
import { type InputArgs, invokeInProgram, invokeOutput } from "../shared/program.js";
import { GET_QUOTAS, type GetQuotasArgs } from "./declaration.js";

export type { GetQuotasArgs };
export type GetQuotasResult = ResultOf<typeof GET_QUOTAS>;

/** The account's CA and certificate quotas and usage. Reference: docs/reference/GetQuotas.md. */
export function getQuotas(args: GetQuotasArgs = {}): Promise<GetQuotasResult> {
  return invokeInProgram(GET_QUOTAS, args);
}

/** {@link getQuotas} taking Outputs; at a preview with unknown arguments it makes no call and stays unknown. */
export function getQuotasOutput(args: InputArgs<GetQuotasArgs> = {}): pulumi.Output<GetQuotasResult> {
  return invokeOutput<GetQuotasArgs, GetQuotasResult>(GET_QUOTAS, args);
}
