// Certificate extensions a request may ask for: key usages, extended key usages, subject
// alternative names and one customised extension (CCM "Applying for a Certificate" Tables 2, 5, 6, 7).

import { isIP } from "node:net";
import type { ExtendedKeyUsage, SubjectAltName } from "../pki/index.js";
import { ApiError } from "./errors.js";
import { isObject, type JsonObject, optionalArray, requireObject } from "./fields.js";
import {
  CUSTOM_EXTENSION_MAX_LENGTH,
  EXTENDED_KEY_USAGE_FIELDS,
  KEY_USAGES,
  type KeyUsageName,
  OID_PATTERN,
  SAN_MAX_COUNT,
  SAN_MAX_LENGTH,
  SAN_TYPES,
} from "./limits.js";

export function parseKeyUsages(body: JsonObject, field = "key_usages"): KeyUsageName[] | undefined {
  const list = optionalArray(body, field);
  if (list === undefined) return undefined;
  return list.map((item, index) => {
    const found = KEY_USAGES.find((usage) => usage === item);
    if (found === undefined) {
      throw new ApiError(
        "incorrectParameter",
        `Parameter ${field}[${index}] must be one of ${KEY_USAGES.join(", ")} (RFC 5280 §4.2.1.3 names).`,
      );
    }
    return found;
  });
}

export function parseExtendedKeyUsages(value: unknown): ExtendedKeyUsage[] {
  if (value === undefined || value === null) return [];
  const obj = requireObject(value, "extended_key_usage");
  const out: ExtendedKeyUsage[] = [];
  for (const [field, usage] of Object.entries(EXTENDED_KEY_USAGE_FIELDS)) {
    const flag = obj[field];
    if (flag === undefined || flag === null) continue;
    if (typeof flag !== "boolean") {
      throw new ApiError("incorrectParameter", `Parameter extended_key_usage.${field} must be a boolean.`);
    }
    if (flag) out.push(usage);
  }
  // The Node SDK model has smart_card_logon; the emulator's PKI cannot encode it, so say so.
  if (obj.smart_card_logon === true) {
    throw new ApiError("incorrectParameter", "Parameter extended_key_usage.smart_card_logon is not supported.");
  }
  return out;
}

const DNS_LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
const DNS_NAME = new RegExp(`^(?:\\*\\.)?${DNS_LABEL}(?:\\.${DNS_LABEL})*\\.?$`);
const EMAIL = /^[^\s@]+@[^\s@]+$/;

export function parseSubjectAltNames(value: unknown): SubjectAltName[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    throw new ApiError("incorrectParameter", "Parameter subject_alternative_names must be an array.");
  }
  if (value.length > SAN_MAX_COUNT) {
    throw new ApiError(
      "incorrectParameter",
      `Parameter subject_alternative_names allows at most ${SAN_MAX_COUNT} items.`,
    );
  }
  return value.map((item, index) => parseSubjectAltName(item, `subject_alternative_names[${index}]`));
}

function parseSubjectAltName(item: unknown, path: string): SubjectAltName {
  if (!isObject(item)) throw new ApiError("incorrectParameter", `Parameter ${path} must be an object.`);
  const type = SAN_TYPES.find((candidate) => candidate === item.type);
  if (type === undefined) {
    throw new ApiError("invalidSanType", `Parameter ${path}.type must be one of ${SAN_TYPES.join(", ")}.`);
  }
  const value = item.value;
  if (typeof value !== "string" || value.length === 0 || value.length > SAN_MAX_LENGTH[type]) {
    const error = type === "DNS" ? "invalidDomainName" : type === "IP" ? "invalidIp" : "incorrectParameter";
    throw new ApiError(error, `Parameter ${path}.value must be a string of 1–${SAN_MAX_LENGTH[type]} characters.`);
  }
  switch (type) {
    case "DNS":
      if (!DNS_NAME.test(value))
        throw new ApiError("invalidDomainName", `Parameter ${path}.value is not a domain name.`);
      break;
    case "IP":
      if (isIP(value) === 0) throw new ApiError("invalidIp", `Parameter ${path}.value is not an IPv4 or IPv6 address.`);
      break;
    case "EMAIL":
      if (!EMAIL.test(value))
        throw new ApiError("incorrectParameter", `Parameter ${path}.value is not an email address.`);
      break;
    case "URI":
      if (!URL.canParse(value)) throw new ApiError("incorrectParameter", `Parameter ${path}.value is not a URI.`);
      break;
  }
  return { type, value };
}

/**
 * GOTCHA: the Terraform provider always sends `customized_extension`, with empty strings when the
 * user set nothing; an empty pair therefore means "no extension", anything else must be complete.
 */
export function parseCustomExtension(value: unknown): { oid: string; value: string } | undefined {
  if (value === undefined || value === null) return undefined;
  const obj = requireObject(value, "customized_extension");
  const oid = obj.object_identifier ?? "";
  const content = obj.value ?? "";
  if (typeof oid !== "string" || typeof content !== "string") {
    throw new ApiError("incorrectParameter", "Parameter customized_extension fields must be strings.");
  }
  if (oid === "" && content === "") return undefined;
  if (oid.length === 0 || oid.length > CUSTOM_EXTENSION_MAX_LENGTH || !OID_PATTERN.test(oid)) {
    throw new ApiError(
      "incorrectParameter",
      "Parameter customized_extension.object_identifier must be a dotted OID such as 1.3.6.1.4.1.2011.4.99 (at most 64 characters).",
    );
  }
  if (content.length === 0 || content.length > CUSTOM_EXTENSION_MAX_LENGTH) {
    throw new ApiError("incorrectParameter", "Parameter customized_extension.value must be 1–64 characters long.");
  }
  return { oid, value: content };
}
