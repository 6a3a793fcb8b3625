// What the test programs declare alike, kept in one place. Imported with its `.ts` name: the
// stack runner imports a program with Node's own TypeScript support, which does not map `.js`
// back to `.ts`. The examples keep their own copies: users read and copy them whole.

/** The organisation fields of every test CA's distinguished name (the common name varies). */
export const ORGANISATION = {
  country: "CN",
  state: "Sichuan",
  locality: "Chengdu",
  organization: "Example Corp",
  organizationalUnit: "Platform",
};

/** The cheapest key and signature, for programs whose tests are not about algorithms. */
export const EC256 = { keyAlgorithm: "EC256", signatureAlgorithm: "SHA256" } as const;
