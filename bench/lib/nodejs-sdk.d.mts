export function builtNodejsSdk(): string;
export function nodejsSdkProject(program: string): { dir: string; dispose: () => void };
export function typeCheck(dir: string): string;
export const NODE_HOST_ON_PATH: boolean;
export function importIntoRunnerStack(options: {
  stateDir: string;
  stack: string;
  type: string;
  name: string;
  id: string;
  inDirectory?: boolean;
}): Promise<string>;
