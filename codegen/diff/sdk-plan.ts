/**
 * The SDK plan of a document, made as generate() makes it (planSdk over the canonical copy),
 * once per document object: the change list and the exported names both need it, and on
 * GitHub's spec a plan costs about half a second.
 */
import { canonicalDocument } from "../emit/canonical.js";
import { planSdk, type SdkPlan } from "../emit/plan.js";
import type { OpenApiDocument } from "../openapi.js";

const plans = new WeakMap<OpenApiDocument, SdkPlan>();

/** The document's SDK plan; the document must not change between calls (the diff never changes it). */
export function sdkPlanOf(document: OpenApiDocument): SdkPlan {
  let plan = plans.get(document);
  if (!plan) plans.set(document, (plan = planSdk(canonicalDocument(document))));
  return plan;
}
