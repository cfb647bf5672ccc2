// Preloaded into every measured Node process (node --require): at exit, writes the process's
// peak resident memory (KiB) where BENCH_RSS_FILE says, so every tool is measured the same way.
process.on("exit", () => {
  if (process.env.BENCH_RSS_FILE) require("node:fs").writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS));
});
