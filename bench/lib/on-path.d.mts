export function executablesOnPath(name: string, searchPath?: string): string[];
export function onPath(name: string, searchPath?: string): string | undefined;
