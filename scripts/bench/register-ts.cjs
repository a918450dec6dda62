// Lets a bench load the plugin's TypeScript sources directly (no build):
// .ts files are compiled on require with @swc/core, as the render worker does
// in tests (src/modules/mailer/core/render/render-pool.ts).
const fs = require("node:fs")
const Module = require("node:module")
const swc = require("@swc/core")

Module._extensions[".ts"] = (module, filename) => {
  const { code } = swc.transformSync(fs.readFileSync(filename, "utf8"), {
    filename,
    module: { type: "commonjs" },
    jsc: { parser: { syntax: "typescript", decorators: true }, target: "es2021", transform: { legacyDecorator: true } },
  })
  module._compile(code, filename)
}
