// Partial creates of a PrivateCa (tags, CSR fetch, certificate export, the OCSP switch after a
// disable): see partial-create.ts.
import { describePartialCreates, SCENARIOS } from "./partial-create.js";

describePartialCreates(SCENARIOS.filter((s) => s.resource.endsWith("-ca") || s.resource === "root-ca-switched"));
