// How long an issued certificate is valid: the one Args type three resources share (a CA's,
// an intermediate CA certificate's and a private certificate's validity).
import type * as pulumi from "@pulumi/pulumi";
import type { ValidityType } from "../../schemas/enums.js";

/** How long a certificate or CA is valid, and optionally from when. */
export interface ValidityArgs {
  /** The unit: YEAR (12 months), MONTH (31 days), DAY or HOUR. */
  type: pulumi.Input<ValidityType>;
  /**
   * How many units, a positive integer: at most 20 years for certificates and subordinate CAs, 30
   * for root CAs.
   */
  value: pulumi.Input<number>;
  /**
   * Start time: ISO 8601 text or milliseconds since the epoch; not earlier than now − 5 minutes.
   */
  startFrom?: pulumi.Input<string | number>;
}
