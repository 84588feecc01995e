// @types/node 20 does not declare the WebAssembly global; these are the few members we use
// (src/db/migrations.ts instantiates Prisma's schema engine from its bytes).
declare namespace WebAssembly {
  type Exports = Record<string, unknown>;
  type ModuleImports = Record<string, unknown>;
  class Module {
    constructor(bytes: Uint8Array);
  }
  class Instance {
    constructor(module: Module, imports?: Record<string, ModuleImports>);
    readonly exports: Exports;
  }
}
