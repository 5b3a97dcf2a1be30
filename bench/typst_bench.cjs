// Compiles every .typ file of a directory to PDF with Typst's Node compiler
// (npm @myriaddreamin/typst-ts-node-compiler), one compiler for all files,
// and prints the wall and CPU time. usage: node bench/typst_bench.cjs DIR [N]
// (NODE_PATH must reach the package's node_modules).
const fs = require("fs");
const path = require("path");
const { NodeCompiler } = require("@myriaddreamin/typst-ts-node-compiler");

const dir = process.argv[2];
const limit = Number(process.argv[3] || Infinity);
const files = fs.readdirSync(dir).filter((f) => f.endsWith(".typ")).sort().slice(0, limit);
const compiler = NodeCompiler.create({
  workspace: dir,
  fontArgs: [{ fontPaths: ["/usr/share/fonts/truetype/wqy"] }],
});
const cpu0 = process.cpuUsage();
const t0 = process.hrtime.bigint();
let bytes = 0;
for (const f of files) {
  const pdf = compiler.pdf({ mainFileContent: fs.readFileSync(path.join(dir, f), "utf8") });
  bytes += pdf.length;
  compiler.evictCache(10);
}
const wall = Number(process.hrtime.bigint() - t0) / 1e9;
const cpu = process.cpuUsage(cpu0);
console.log(
  `typst: ${files.length} decks in ${wall.toFixed(2)} s wall, ` +
    `${((cpu.user + cpu.system) / 1e6).toFixed(2)} s CPU; ` +
    `${(files.length / wall).toFixed(1)} decks/s; ${(bytes / files.length / 1024).toFixed(0)} KB/PDF; ` +
    `peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`
);
