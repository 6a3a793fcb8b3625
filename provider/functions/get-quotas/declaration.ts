// getQuotas, declared once: how many CAs and certificates the account may have, and has.
import { z } from "zod";
import { defineFunction, described } from "../shared/declaration.js";

/** getQuotas takes no arguments. */
export type GetQuotasArgs = Record<string, never>;

const count = (description: string) => described(z.number().int(), description);

export const GET_QUOTAS = defineFunction({
  name: "getQuotas",
  description: "The account's private CA and private certificate quotas, and how much of each is used.",
  inputs: z.strictObject({}),
  result: z.object({
    caQuota: count("How many private CAs the account may have."),
    caUsed: count("How many it has."),
    certificateQuota: count("How many private certificates the account may have."),
    certificateUsed: count("How many it has."),
  }),
  async run({ client }) {
    const { certificateAuthorities, certificates } = await client.quotas.read();
    return {
      caQuota: certificateAuthorities.quota,
      caUsed: certificateAuthorities.used,
      certificateQuota: certificates.quota,
      certificateUsed: certificates.used,
    };
  },
});
