import type { Resolution, Retry } from "../../model/types.js";

/** "Outcome: busy; retry after-delay, 5 to 10 s (code, the vendor's word)": one line for doc comments and docs. */
export function outcomeText(resolution: Resolution): string {
  return `Outcome: ${resolution.outcome}; retry ${retryText(resolution.retry)} (${basisText(resolution)}).`;
}

/** A retry decision in words: the policy and its delays. */
export function retryText(retry: Retry): string {
  const delays =
    retry.delaysSeconds.length > 0
      ? `, ${retry.delaysSeconds.join(", ")} s`
      : retry.minDelaySeconds !== undefined && retry.maxDelaySeconds !== undefined && retry.maxDelaySeconds !== retry.minDelaySeconds
        ? `, ${retry.minDelaySeconds} to ${retry.maxDelaySeconds} s`
        : retry.minDelaySeconds !== undefined
          ? `, ${retry.minDelaySeconds} s`
          : retry.maxDelaySeconds !== undefined
            ? `, up to ${retry.maxDelaySeconds} s`
            : "";
  return `${retry.policy}${delays}`;
}

/** Which rule decided and whose word it is. */
export function basisText(resolution: Resolution): string {
  const whose = resolution.source === "vendor" ? "the vendor's word" : resolution.source === "codebook" ? "codebook's judgement" : "nothing stated";
  return `by ${resolution.basis}, ${whose}`;
}
