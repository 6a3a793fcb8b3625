// Subject alternative names as users write them ({ type, value }), each value checked for its
// type's format and length (docs/api-facts.md), and the list's size limit.
import { isIP } from "node:net";
import { z } from "zod";
import { SAN_MAX_COUNT, SAN_TYPES, SAN_VALUE_MAX_LENGTH } from "./enums.js";

export const subjectAlternativeNameArgs = z
  .strictObject({ type: z.enum(SAN_TYPES), value: z.string().min(1) })
  .superRefine((san, ctx) => {
    const max = SAN_VALUE_MAX_LENGTH[san.type];
    if (san.value.length > max) {
      ctx.addIssue({ code: "custom", path: ["value"], message: `${san.type} at most ${max} characters` });
      return;
    }
    const problem = sanFormatProblem(san.type, san.value);
    if (problem) ctx.addIssue({ code: "custom", path: ["value"], message: problem });
  });
export const subjectAlternativeNamesArgs = z.array(subjectAlternativeNameArgs).max(SAN_MAX_COUNT);

const DNS_LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
/** A host name, optionally a wildcard ("*.example.com"); each label 1–63 letters, digits or "-". */
const DNS_NAME = new RegExp(`^(?:\\*\\.)?${DNS_LABEL}(?:\\.${DNS_LABEL})*$`);
const EMAIL_LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+$/;

/** Why a SAN value does not fit its type, saying what would; undefined when it fits. */
export function sanFormatProblem(type: (typeof SAN_TYPES)[number], value: string): string | undefined {
  switch (type) {
    case "DNS":
      return DNS_NAME.test(value)
        ? undefined
        : 'DNS must be a domain name such as "app.example.com" or "*.example.com": labels of letters, digits and "-" joined by dots';
    case "IP":
      return isIP(value) !== 0
        ? undefined
        : 'IP must be an IPv4 address such as "10.0.0.1" or an IPv6 address such as "fd00::1"';
    case "EMAIL": {
      const at = value.lastIndexOf("@");
      const ok = at > 0 && EMAIL_LOCAL.test(value.slice(0, at)) && DNS_NAME.test(value.slice(at + 1));
      return ok ? undefined : 'EMAIL must be an address such as "ops@example.com"';
    }
    case "URI":
      return /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]+$/.test(value) && URL.canParse(value)
        ? undefined
        : 'URI must be an absolute URI without spaces, such as "spiffe://example.org/app" or "https://example.com/x"';
  }
}
