// The resource type names, as every serialized shim (provider/resources/shim.ts) holds them in
// state: the runtime dispatches on them, so a name never changes once released, and the handler
// table (table.ts) must have handlers for each one.

export type ResourceTypeName =
  | "PrivateCa"
  | "PrivateCertificate"
  | "IntermediateCaCertificate"
  | "CertificateBundle"
  | "ScmCertificateBundle"
  | "MigrationTaskCertKey";
