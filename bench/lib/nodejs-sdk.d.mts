export function builtNodejsSdk(): string;
export function nodejsSdkProject(program: string): { dir: string; dispose: () => void };
export function typeCheck(dir: string): string;
