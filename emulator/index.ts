// ccm-emulator: a local CCM / SCM / SMS API server (see README "The emulator").
export const EMULATOR_NAME = "ccm-emulator";
