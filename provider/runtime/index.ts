// The package's runtime entry ("pulumi-huaweicloud-ccm/runtime"), loaded by the serialized shim in
// the engine's dynamic-provider host. Keep this surface to `dispatch`: it is a frozen protocol.
export { dispatch } from "./dispatch.js";
