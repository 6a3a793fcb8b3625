// The public entry of pulumi-huaweicloud-ccm: explicit re-exports only (see README "Layout").
export const PACKAGE_NAME = "pulumi-huaweicloud-ccm";
