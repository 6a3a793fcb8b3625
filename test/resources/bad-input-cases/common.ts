// What the bad-input cases of every resource share: a CA id, a start long past, and the builders
// that make a case of each resource type (the reasons a refusal must match are in reasons.ts).

export const CA_ID = "4c0e772e-a30c-4029-b929-b7acb04143f7";
// Long enough ago that even the longest validity a case states (31 years) has ended: a past start
// whose window is still open is accepted (the object starts now; see start-from.ts).
export const YEAR_1990 = Date.UTC(1990, 0, 1);

export const manyTags = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, `v${i}`]));

export function cert(name: string, args: Record<string, unknown>, property: string, allowed: RegExp, secret?: string) {
  return { name, type: "PrivateCertificate" as const, args, property, allowed, ...(secret ? { secret } : {}) };
}
export function ca(name: string, args: Record<string, unknown>, property: string, allowed: RegExp, secret?: string) {
  return { name, type: "PrivateCa" as const, args, property, allowed, ...(secret ? { secret } : {}) };
}
export function inter(name: string, args: Record<string, unknown>, property: string, allowed: RegExp, secret?: string) {
  const type = "IntermediateCaCertificate" as const;
  return { name, type, args, property, allowed, ...(secret ? { secret } : {}) };
}
export function bundle(
  name: string,
  args: Record<string, unknown>,
  property: string,
  allowed: RegExp,
  secret?: string,
) {
  return { name, type: "CertificateBundle" as const, args, property, allowed, ...(secret ? { secret } : {}) };
}
export function scm(name: string, args: Record<string, unknown>, property: string, allowed: RegExp) {
  return { name, type: "ScmCertificateBundle" as const, args, property, allowed };
}
export function sms(name: string, args: Record<string, unknown>, property: string, allowed: RegExp) {
  return { name, type: "MigrationTaskCertKey" as const, args, property, allowed };
}

export const dn = (fields: Record<string, unknown>) => ({ distinguishedName: fields });
export const validity = (fields: Record<string, unknown>) => ({ validity: fields });
/** A SAN list with only entry `index` set: the table merges lists entry by entry, so the SAN
 * cases of one preview fill one list. */
export const san = (index: number, type: string, value: string) => {
  const list: unknown[] = [];
  list[index] = { type, value };
  return list;
};
