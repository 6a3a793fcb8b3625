// Writes YAML programs for the native plugin from data: each resource's properties on one line,
// as JSON (a YAML flow mapping), so that a diagnostic's line number says which resource it is
// about. The bad-input table's "__NaN__" (JSON cannot carry NaN) becomes YAML's own `.nan`.
import { writeFileSync } from "node:fs";
import path from "node:path";

export interface YamlResource {
  name: string;
  /** The resource type's name in the schema ("PrivateCa"): written as huaweicloud-ccm:<type>. */
  type: string;
  properties: Record<string, unknown>;
}

/** A value as one line of YAML flow: JSON, with the NaN stand-in as a real NaN. */
export function yamlFlow(value: unknown): string {
  return JSON.stringify(value).replaceAll('"__NaN__"', ".nan");
}

/**
 * Writes `Pulumi.yaml` into `dir` (replacing the program there), declaring `secretConfig` as
 * secret string config the properties may reference (`${name}`), and returns the line of each
 * resource's `properties:` (1-based), keyed by resource name.
 */
export function writeYamlProgram(
  dir: string,
  project: string,
  resources: YamlResource[],
  secretConfig: Iterable<string> = [],
): Map<string, number> {
  const lines = [`name: ${project}`, "runtime: yaml"];
  const declared = [...secretConfig];
  if (declared.length > 0) lines.push("config:");
  for (const name of declared) lines.push(`  ${name}:`, "    type: string", "    secret: true");
  lines.push("resources:");
  const lineOf = new Map<string, number>();
  for (const resource of resources) {
    lines.push(`  ${resource.name}:`, `    type: huaweicloud-ccm:${resource.type}`);
    lines.push(`    properties: ${yamlFlow(resource.properties)}`);
    lineOf.set(resource.name, lines.length);
  }
  writeFileSync(path.join(dir, "Pulumi.yaml"), `${lines.join("\n")}\n`);
  return lineOf;
}

/** Every string in `value` (its leaves), depth first. */
export function stringLeaves(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (value !== null && typeof value === "object") return Object.values(value).flatMap(stringLeaves);
  return [];
}

/**
 * A YAML program takes a secret from secret stack config, not as text in the program: every
 * string in `value` that is one of `secrets` (value → config name) becomes a reference to that
 * config. `used` collects the names referenced.
 */
export function secretsFromConfig(value: unknown, secrets: ReadonlyMap<string, string>, used: Set<string>): unknown {
  if (typeof value === "string") {
    const name = secrets.get(value);
    if (name === undefined) return value;
    used.add(name);
    return `\${${name}}`;
  }
  if (Array.isArray(value)) return value.map((entry) => secretsFromConfig(entry, secrets, used));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, entry]) => [key, secretsFromConfig(entry, secrets, used)]),
    );
  }
  return value;
}
