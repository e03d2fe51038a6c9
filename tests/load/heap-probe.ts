// Loaded into the bot process by the load test (node --import): answers "heap" over the
// IPC channel with the heap used after a full garbage collection. Changes nothing else.
declare const gc: (() => void) | undefined;

process.on("message", (message) => {
  if (message !== "heap") return;
  if (typeof gc === "function") {
    gc();
    gc();
  }
  const { heapUsed, rss } = process.memoryUsage();
  process.send?.({ heapUsed, rss });
});
process.channel?.unref(); // after adding the listener: the channel must not keep the bot alive
