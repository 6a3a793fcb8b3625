// What the PrivateCa and IntermediateCaCertificate handler tests share: the handlers themselves,
// a root CA request and a pending subordinate under it, and how a check failure is keyed.
import { handlerContext } from "../../provider/kernel/context.js";
import { INTERMEDIATE_CA_CERTIFICATE } from "../../provider/resources/intermediate-ca-certificate/declaration.js";
import { PRIVATE_CA } from "../../provider/resources/private-ca/declaration.js";
import { rootCaRequest } from "../harness/ca-fixtures.js";

export const handlers = PRIVATE_CA.handlers(handlerContext());
export const intermediate = INTERMEDIATE_CA_CERTIFICATE.handlers(handlerContext());

export const ROOT = { ...rootCaRequest("Handlers Root"), keyAlgorithm: "EC384", signatureAlgorithm: "SHA384" };
export const DN = ROOT.distinguishedName;
export const PENDING_SUB = {
  type: "SUBORDINATE",
  distinguishedName: { ...DN, commonName: "Handlers Issuing" },
  keyAlgorithm: "EC256",
};

/** A secret property's failure names it in the reason instead (the engine would print its value). */
export function byProperty(f: { property: string; reason: string }): [string, string] {
  if (f.property !== "") return [f.property, f.reason];
  const [property = "", ...rest] = f.reason.split(" ");
  return [`secret:${property}`, rest.join(" ")];
}
