// The schemas the client and the resources share: args (camelCase), bodies and responses
// (snake_case), one explicit mapper per shape, and the enums/limits tables.
export * from "./api-error.js";
export * from "./ca.js";
export * from "./ca-switches.js";
export * from "./certificate.js";
export * from "./common.js";
export * from "./distinguished-name.js";
export * from "./enums.js";
export * from "./export.js";
export * from "./issued-object.js";
export * from "./list-query.js";
export * from "./scm.js";
export * from "./sms.js";
export * from "./subject-alternative-names.js";
export * from "./tags.js";
export * from "./validity.js";
