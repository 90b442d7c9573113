// gas-local ships no types: it runs every .js file of a folder in one vm context built from `globals`.
declare module 'gas-local' {
  export function require(folderPath: string, globalObject?: object, options?: { filter?: (file: string) => boolean }): Record<string, unknown>;
}
