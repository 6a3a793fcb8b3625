export function onPath(name: string, searchPath?: string): string | undefined;
