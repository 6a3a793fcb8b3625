// Partial creates of a PrivateCa born disabled with OCSP on: the disable and the OCSP switch, each
// failing right after the create (see partial-create.ts). A file of its own, so that the
// scenarios spread over the test workers.
import { describePartialCreates, SCENARIOS } from "./partial-create.js";

describePartialCreates(SCENARIOS.filter((s) => s.resource === "root-ca-switched"));
