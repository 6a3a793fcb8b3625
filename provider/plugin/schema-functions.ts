// schema.json `functions` from the function registry: each function's description, its inputs
// (zod, described by the TSDoc of its public `<Name>Args` interface, as a resource's are) and its
// outputs from its result's zod schema, whose fields carry their descriptions; an object inside a
// list becomes a named type after its `title` (PrivateCaSummary).
import { z } from "zod";
import type { FunctionDeclaration } from "../functions/shared/declaration.js";
import { typeToken } from "../type-tokens.js";
import { ARGS_SOURCE_DIRS } from "./args-docs.js";
import {
  type Builder,
  capitalize,
  type Json,
  namedType,
  propertiesOf,
  scalarType,
  type TypeSpec,
} from "./schema-types.js";

/** The schema type of one result node (output-side JSON schema of the result). */
function resultType(builder: Builder, owner: string, node: Json): TypeSpec {
  const description = typeof node.description === "string" ? { description: node.description } : {};
  const scalar = scalarType(node, description);
  if (scalar) return scalar;
  switch (node.type) {
    case "array":
      return { type: "array", items: resultType(builder, owner, (node.items ?? {}) as Json), ...description };
    case "object": {
      if (!node.properties) {
        const values = resultType(builder, owner, (node.additionalProperties ?? {}) as Json);
        return { type: "object", additionalProperties: values, ...description };
      }
      if (typeof node.title !== "string") throw new Error(`schema: an object in ${owner}'s result needs a title`);
      return namedType(builder, owner, node.title, {
        type: "object",
        ...description,
        ...resultObject(builder, owner, node),
      });
    }
    default:
      throw new Error(`schema: ${owner}'s result has a field of no schema type (${JSON.stringify(node)})`);
  }
}

function resultObject(builder: Builder, owner: string, node: Json): Json {
  const properties = Object.fromEntries(
    Object.entries((node.properties ?? {}) as Record<string, Json>).map(([key, field]) => [
      key,
      resultType(builder, owner, field),
    ]),
  );
  const required = (node.required as string[] | undefined) ?? [];
  return { properties, ...(required.length > 0 ? { required } : {}) };
}

function functionSpec(builder: Builder, declaration: FunctionDeclaration): Json {
  const { name, description, inputs, result } = declaration;
  const owner = capitalize(name);
  const inputJson = z.toJSONSchema(inputs, { io: "input", unrepresentable: "any" }) as Json;
  const inputNodes = (inputJson.properties ?? {}) as Record<string, Json>;
  const spec: Json = { description };
  if (Object.keys(inputNodes).length > 0) {
    const args = builder.docs.get(`${owner}Args`);
    if (!args)
      throw new Error(`schema: ${name} needs its public ${owner}Args interface in ${ARGS_SOURCE_DIRS.join(" or ")}`);
    const required = (inputJson.required as string[] | undefined) ?? [];
    spec.inputs = {
      properties: propertiesOf(builder, owner, inputNodes, args, name),
      ...(required.length > 0 ? { required } : {}),
    };
  }
  spec.outputs = resultObject(builder, owner, z.toJSONSchema(result, { io: "output" }) as Json);
  return spec;
}

export function functionSpecs(builder: Builder, functions: readonly FunctionDeclaration[]): Record<string, Json> {
  return Object.fromEntries(functions.map((f) => [typeToken("native", f.name), functionSpec(builder, f)]));
}
