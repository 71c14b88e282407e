-- wrk script: the same GET again and again (the URL given to wrk), as browsers ask for page 1 of a
-- list (Accept-Encoding: gzip is set by bench/run with -H). No request() or response() hook: wrk then
-- sends a prebuilt request and reads answers without handing them to Lua (least client CPU).
-- wrk counts answers other than 2xx/3xx in errors.status. done() prints one "RESULT key=value ..." line.

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d seconds=%.3f rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f bytes=%d err_connect=%d err_read=%d err_write=%d err_status=%d err_timeout=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.bytes, e.connect, e.read, e.write, e.status, e.timeout))
end
