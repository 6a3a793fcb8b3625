// Bad inputs of the three resources that export what exists: CertificateBundle (id, format and
// the keystore password, a secret), ScmCertificateBundle (id) and MigrationTaskCertKey (task id).
import { bundle, CA_ID, scm, sms } from "./common.js";
import { LOWER_UUID } from "./reasons.js";

export const CERTIFICATE_BUNDLE_CASES = [
  bundle("certificateId in upper case", { certificateId: CA_ID.toUpperCase() }, "certificateId", LOWER_UUID),
  bundle("certificateId a path", { certificateId: "../x" }, "certificateId", LOWER_UUID),
  bundle("certificateId a number", { certificateId: 42 }, "certificateId", /must be a string \(got a number\)/),
  bundle("type unknown", { type: "PEM" }, "type", /one of "APACHE", "NGINX", "IIS", "TOMCAT", "OTHER"/),
  bundle("type in lower case", { type: "nginx" }, "type", /one of "APACHE", "NGINX", "IIS", "TOMCAT", "OTHER"/),
  bundle(
    "password with spaces (a secret)",
    { password: "no spaces allowed" },
    "password",
    /password must use only letters, digits and , \. \+ - _ #/,
    "no spaces allowed",
  ),
  bundle("password too long (a secret)", { password: "P".repeat(33) }, "password", /at most 32 bytes/, "P".repeat(33)),
  bundle(
    "password misspelled (a secret)",
    { passwd: "hunter2secret" },
    "passwd",
    /passwd is not a known property; did you mean password\?/,
    "hunter2secret",
  ),
  bundle("unknown format", { format: "PEM" }, "format", /format is not a known property; known ones: certificateId/),
];

export const SCM_CERTIFICATE_BUNDLE_CASES = [
  scm("id of 15 characters", { certificateId: "scs155419213115" }, "certificateId", /exactly 16 letters, digits/),
  scm("id with / and ..", { certificateId: "scs/../123456789" }, "certificateId", /exactly 16 letters, digits/),
  scm("id with ? and #", { certificateId: "scs1554192131?#0" }, "certificateId", /exactly 16 letters, digits/),
  scm("certificateId misspelled", { certificateID: "x" }, "certificateID", /did you mean certificateId\?/),
  scm("type not taken", { type: "NGINX" }, "type", /type is not a known property; known ones: certificateId/),
];

export const MIGRATION_TASK_CERT_KEY_CASES = [
  sms("taskId empty", { taskId: "" }, "taskId", /must be an SMS migration task id: 1–36 letters, digits/),
  sms("taskId with / and ..", { taskId: "a/../b" }, "taskId", /must be an SMS migration task id: 1–36 letters/),
  sms("taskId with ? and #", { taskId: "x?y#z" }, "taskId", /must be an SMS migration task id: 1–36 letters/),
  sms("enableCaCert a string", { enableCaCert: "yes" }, "enableCaCert", /must be a boolean \(got a string\)/),
  sms("enableCaCert an array", { enableCaCert: [true] }, "enableCaCert", /must be a boolean \(got an array\)/),
  sms("taskId misspelled", { taskID: "task-0001" }, "taskID", /did you mean taskId\?/),
  sms("enableCaCert misspelled", { enableCa: true }, "enableCa", /did you mean enableCaCert\?/),
];
