// The page script of the Chromium wire tests: the portable scenarios, callable from the test.
import * as scenarios from "./portable.js";

(globalThis as unknown as { scenarios: typeof scenarios }).scenarios = scenarios;
document.title = "ready";
