// Subject/issuer distinguished names. Attribute order is fixed: C, ST, L, O, OU, CN (each its own
// RDN), which is how `openssl x509 -subject` shows CCM's certificates.
import { PkiInputError } from "./errors.js";
import type { SubjectFields } from "./types.js";
import { x509 } from "./x509-lib.js";

const DN_ATTRIBUTES: readonly { field: keyof SubjectFields; oid: string }[] = [
  { field: "country", oid: "2.5.4.6" },
  { field: "state", oid: "2.5.4.8" },
  { field: "locality", oid: "2.5.4.7" },
  { field: "organization", oid: "2.5.4.10" },
  { field: "organizationalUnit", oid: "2.5.4.11" },
  { field: "commonName", oid: "2.5.4.3" },
];

/**
 * Builds the DER name. countryName is a PrintableString (RFC 5280 requires it); every other value
 * is a UTF8String (RFC 5280 §4.1.2.6 "SHOULD"). Values are passed as typed objects so the library
 * never applies RFC 4514 unescaping to them. Empty optional fields are left out.
 */
export function toX509Name(subject: SubjectFields): x509.Name {
  if (typeof subject?.commonName !== "string" || subject.commonName.length === 0) {
    throw new PkiInputError("subject commonName must be a non-empty string");
  }
  const rdns: x509.JsonNameParams = [];
  for (const { field, oid } of DN_ATTRIBUTES) {
    const value = subject[field];
    if (value === undefined || value === "") continue;
    if (typeof value !== "string") throw new PkiInputError(`subject ${field} must be a string`);
    if (field === "country" && !/^[A-Za-z]{2}$/.test(value)) {
      throw new PkiInputError("subject country must be a two-letter code");
    }
    rdns.push({ [oid]: [field === "country" ? { printableString: value } : { utf8String: value }] });
  }
  return new x509.Name(rdns);
}

/** Reads the six CCM fields back (first value of each; other attributes are ignored). */
export function fromX509Name(name: x509.Name): SubjectFields {
  const subject: SubjectFields = { commonName: name.getField("2.5.4.3")[0] ?? "" };
  for (const { field, oid } of DN_ATTRIBUTES) {
    const value = name.getField(oid)[0];
    if (field !== "commonName" && value !== undefined) subject[field] = value;
  }
  return subject;
}
