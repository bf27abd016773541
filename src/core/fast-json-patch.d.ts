/** Types for the ESM build of fast-json-patch, imported by path in patch.ts. */
declare module 'fast-json-patch/index.mjs' {
  export * from 'fast-json-patch';
}
