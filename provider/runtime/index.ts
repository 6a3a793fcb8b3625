// The package's runtime entry ("pulumi-huaweicloud-ccm/runtime"), loaded by the serialized shim in
// the engine's dynamic-provider host. Keep this surface to the frozen protocols: `dispatch`
// (protocol 1, every method of the shim calls it) and `attach` (protocol 2, the shim's configure
// calls it once); see provider/resources/shared/shim.ts.
export { attach } from "./attach.js";
export { dispatch } from "./dispatch.js";
