// How a function's reference page shows it called in each language: the generated names (Go's
// `Lookup…` rule, Python's snake_case) and one example call per form, from example arguments
// checked against the function's own argument schema, so an example that stops being valid fails
// `npm run docs` and the reference test instead of reaching the page.
import type { FunctionDeclaration } from "../functions/shared/declaration.js";
import { capitalize } from "./schema-types.js";

type ExampleValue = string | number | Record<string, string>;
type ExampleArgs = Record<string, ExampleValue>;

/** The package's import paths: the TypeScript classes', the Go SDK's in this checkout (plugin.md), Python's. */
const TS_PACKAGE = "pulumi-huaweicloud-ccm";
const GO_MODULE = "example.invalid/pulumi-huaweicloud-ccm/sdk/go/huaweicloudccm";
const PYTHON_MODULE = "pulumi_huaweicloud_ccm";

/** Arguments a reader would plausibly pass; a function missing here shows its required ones. */
const EXAMPLE_ARGS: Record<string, ExampleArgs> = {
  getPrivateCa: { commonName: "Team Issuing CA", tags: { team: "security" } },
  getPrivateCas: { nameContains: "Issuing", tags: { team: "security" } },
  getPrivateCertificate: { certificateId: "<certificate id>" },
  getPrivateCertificates: { issuerId: "<CA id>", expiringWithinDays: 30 },
  getQuotas: {},
};

export interface CallFacts {
  readonly token: string;
  /** Whether the function takes arguments at all (the Go and Python SDKs leave `args` out if not). */
  readonly hasInputs: boolean;
  /** Its required arguments. */
  readonly required: ReadonlySet<string>;
  /** The result property the examples export. */
  readonly firstOutput: string;
  /** The schema's resource names: Go calls `getX` `LookupX` when a resource X exists. */
  readonly resourceNames: ReadonlySet<string>;
}

/** The Go SDK's name for a function: Pulumi's Go generator renames `GetX` to `LookupX` when X is a resource. */
export function goFunctionName(name: string, resourceNames: ReadonlySet<string>): string {
  const title = capitalize(name);
  const rest = title.slice("Get".length);
  return title.startsWith("Get") && resourceNames.has(rest) ? `Lookup${rest}` : title;
}

/** The Python SDK's name for a function or property (snake_case). */
export const pythonName = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();

function exampleArgs(declaration: FunctionDeclaration, facts: CallFacts): ExampleArgs {
  const args = EXAMPLE_ARGS[declaration.name] ?? Object.fromEntries([...facts.required].map((k) => [k, `<${k}>`]));
  const checked = declaration.inputs.safeParse(args);
  if (!checked.success) throw new Error(`reference docs: the example arguments of ${declaration.name} are refused`);
  return args;
}

const isMap = (value: ExampleValue): value is Record<string, string> => typeof value === "object";
const quote = (text: string) => JSON.stringify(text);

function tsValue(value: ExampleValue): string {
  if (!isMap(value)) return typeof value === "string" ? quote(value) : String(value);
  const entries = Object.entries(value).map(([k, v]) => `${/^[A-Za-z_]\w*$/.test(k) ? k : quote(k)}: ${quote(v)}`);
  return `{ ${entries.join(", ")} }`;
}

function typescript(name: string, args: ExampleArgs, facts: CallFacts): string[] {
  const entries = Object.entries(args).map(([k, v]) => `${k}: ${tsValue(v)}`);
  const call = entries.length > 0 ? `{ ${entries.join(", ")} }` : "";
  return [
    "```typescript",
    `import { ${name}, ${name}Output } from "${TS_PACKAGE}";`,
    "",
    `const found = ${name}Output(${call}); // an Output of the result${facts.hasInputs ? "; the arguments may be Outputs" : ""}`,
    `const now = ${name}(${call}); // a Promise of the result`,
    `export const ${facts.firstOutput} = found.${facts.firstOutput};`,
    "```",
  ];
}

function yaml(name: string, args: ExampleArgs, facts: CallFacts): string[] {
  const argLines = Object.entries(args).flatMap(([k, v]) =>
    isMap(v)
      ? [`        ${k}:`, ...Object.entries(v).map(([mk, mv]) => `          ${mk}: ${quote(mv)}`)]
      : [`        ${k}: ${typeof v === "string" ? quote(v) : v}`],
  );
  return [
    "```yaml",
    "variables:",
    "  found:",
    "    fn::invoke:",
    `      function: huaweicloud-ccm:${name}`,
    ...(argLines.length > 0 ? ["      arguments:", ...argLines] : ["      arguments: {}"]),
    "outputs:",
    `  ${facts.firstOutput}: \${found.${facts.firstOutput}}`,
    "```",
  ];
}

/** One Go struct field's value: the plain form's (`pulumi.StringRef`) or the Output form's (`pulumi.String`). */
function goValue(value: ExampleValue, output: boolean, required: boolean): string {
  if (isMap(value)) {
    const entries = Object.entries(value).map(
      ([k, v]) => `${quote(k)}: ${output ? `pulumi.String(${quote(v)})` : quote(v)}`,
    );
    return `${output ? "pulumi.StringMap" : "map[string]string"}{${entries.join(", ")}}`;
  }
  const literal = typeof value === "string" ? quote(value) : String(value);
  const kind = typeof value === "string" ? "String" : "Int";
  if (output) return `pulumi.${kind}(${literal})`;
  return required ? literal : `pulumi.${kind}Ref(${literal})`;
}

/** A Go struct literal's fields, aligned as gofmt aligns them. */
function goFields(args: ExampleArgs, output: boolean, facts: CallFacts): string[] {
  const width = Math.max(...Object.keys(args).map((k) => k.length + 1));
  return Object.entries(args).map(
    ([k, v]) => `\t${`${capitalize(k)}:`.padEnd(width)} ${goValue(v, output, facts.required.has(k))},`,
  );
}

function go(name: string, args: ExampleArgs, facts: CallFacts): string[] {
  const fn = goFunctionName(name, facts.resourceNames);
  const call = (suffix: string, pointer: string) =>
    facts.hasInputs
      ? [`ccm.${fn}${suffix}(ctx, ${pointer}ccm.${fn}${suffix}Args{`, ...goFields(args, suffix !== "", facts), "})"]
      : [`ccm.${fn}${suffix}(ctx)`];
  const [outputFirst, ...outputRest] = call("Output", "");
  const [plainFirst, ...plainRest] = call("", "&");
  return [
    "```go",
    "import (",
    `\tccm "${GO_MODULE}"`,
    '\t"github.com/pulumi/pulumi/sdk/v3/go/pulumi"',
    ")",
    "",
    `found := ${outputFirst}`,
    ...outputRest,
    `ctx.Export("${facts.firstOutput}", found.${capitalize(facts.firstOutput)}())`,
    `result, err := ${plainFirst}`,
    ...plainRest,
    "if err != nil {",
    "\treturn err",
    "}",
    "```",
  ];
}

function pythonValue(value: ExampleValue): string {
  if (!isMap(value)) return typeof value === "string" ? quote(value) : String(value);
  return `{${Object.entries(value)
    .map(([k, v]) => `${quote(k)}: ${quote(v)}`)
    .join(", ")}}`;
}

function python(name: string, args: ExampleArgs, facts: CallFacts): string[] {
  const fn = pythonName(name);
  const call = Object.entries(args)
    .map(([k, v]) => `${pythonName(k)}=${pythonValue(v)}`)
    .join(", ");
  return [
    "```python",
    "import pulumi",
    `import ${PYTHON_MODULE} as ccm`,
    "",
    `found = ccm.${fn}_output(${call})  # an Output of the result${facts.hasInputs ? "; the arguments may be Outputs" : ""}`,
    `pulumi.export("${facts.firstOutput}", found.${pythonName(facts.firstOutput)})`,
    `result = ccm.${fn}(${call})  # the result itself`,
    "```",
  ];
}

/** The "Calling it" section of a function's page. */
export function callSection(declaration: FunctionDeclaration, facts: CallFacts): string[] {
  const { name } = declaration;
  const args = exampleArgs(declaration, facts);
  const goName = goFunctionName(name, facts.resourceNames);
  return [
    "## Calling it",
    "",
    `TypeScript, Go and Python have two forms: one that takes and returns Outputs (at a preview whose arguments are not yet known it makes no call, and its result stays unknown) and one that returns the result. YAML's \`fn::invoke\` acts as the Output form. Token: \`${facts.token}\`.`,
    "",
    `**TypeScript**, this package's functions (they run in the program's process, with the stack's \`huaweicloud-ccm\` configuration): \`${name}Output\` and \`${name}\`.`,
    "",
    ...typescript(name, args, facts),
    "",
    `**YAML** (through the plugin): \`fn::invoke\` with \`function: huaweicloud-ccm:${name}\`.`,
    "",
    ...yaml(name, args, facts),
    "",
    `**Go** (through the plugin): \`${goName}Output\` and \`${goName}\`; argument and result names are capitalized (\`${capitalize(facts.firstOutput)}\`). The calls go inside \`pulumi.Run(func(ctx *pulumi.Context) error { … })\`.`,
    "",
    ...go(name, args, facts),
    "",
    `**Python** (through the plugin): \`${pythonName(name)}_output\` and \`${pythonName(name)}\`; argument and result names are snake_case (\`${pythonName(facts.firstOutput)}\`).`,
    "",
    ...python(name, args, facts),
    "",
    `**The generated Node.js SDK** (through the plugin): \`${name}Output\` and \`${name}\` from \`@pulumi-huaweicloud-ccm/sdk\`${facts.hasInputs ? ", with the arguments above" : ""}.`,
    "",
  ];
}
