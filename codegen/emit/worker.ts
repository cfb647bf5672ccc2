/**
 * The printing of an SDK's code (emitCode), in a worker thread: the plan comes in as
 * workerData, the files go back as one message. Run from the build only (dist/emit/worker.mjs).
 */
import { parentPort, workerData } from "node:worker_threads";
import { emitCode } from "./operations.js";
import type { SdkPlan } from "./plan.js";

parentPort!.postMessage(emitCode(workerData as SdkPlan));
