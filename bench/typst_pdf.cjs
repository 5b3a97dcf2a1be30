// Compiles each .typ file named on the command line to a PDF beside it with
// Typst's Node compiler (npm @myriaddreamin/typst-ts-node-compiler), for
// comparisons such as bench/typography.sh. NODE_PATH must reach the package.
// usage: node bench/typst_pdf.cjs FILE.typ...
const fs = require("fs");
const path = require("path");
const { NodeCompiler } = require("@myriaddreamin/typst-ts-node-compiler");

for (const file of process.argv.slice(2)) {
  const compiler = NodeCompiler.create({
    workspace: path.dirname(file),
    fontArgs: [{ fontPaths: ["/usr/share/fonts/truetype/wqy"] }],
  });
  const pdf = compiler.pdf({ mainFileContent: fs.readFileSync(file, "utf8") });
  fs.writeFileSync(file.replace(/\.typ$/, ".pdf"), pdf);
}
