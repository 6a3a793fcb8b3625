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
 * Writes `Pulumi.yaml` into `dir` (replacing the program there) and returns the line of each
 * resource's `properties:` (1-based), keyed by resource name.
 */
export function writeYamlProgram(dir: string, project: string, resources: YamlResource[]): Map<string, number> {
  const lines = [`name: ${project}`, "runtime: yaml", "resources:"];
  const lineOf = new Map<string, number>();
  for (const resource of resources) {
    lines.push(`  ${resource.name}:`, `    type: huaweicloud-ccm:${resource.type}`);
    lines.push(`    properties: ${yamlFlow(resource.properties)}`);
    lineOf.set(resource.name, lines.length);
  }
  writeFileSync(path.join(dir, "Pulumi.yaml"), `${lines.join("\n")}\n`);
  return lineOf;
}
