// Partial creates of a PrivateCertificate (waiting for ISSUED, tags) and of an
// IntermediateCaCertificate (export): see partial-create.ts.
import { describePartialCreates, SCENARIOS } from "./partial-create.js";

describePartialCreates(SCENARIOS.filter((s) => s.resource === "certificate" || s.resource === "intermediate"));
