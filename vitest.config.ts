import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The CLI tests start the real command several times; give them room on a shared 2-core machine.
    testTimeout: 30_000,
  },
});
