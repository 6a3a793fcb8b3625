// Partial creates of a PrivateCa (tags, CSR fetch, certificate export): see partial-create.ts.
import { describePartialCreates, SCENARIOS } from "./partial-create.js";

describePartialCreates(SCENARIOS.filter((s) => s.resource === "root-ca" || s.resource === "pending-ca"));
