-- wrk script: map data requests (GET /laporan/peta.json) for the box $BENCH_BBOX ("s,w,n,e") at zoom
-- $BENCH_ZOOM, each request moved by up to ±2 % of the box's size, as different screens and small pans
-- ask. Identical requests would measure H2's result reuse instead of the query: H2 hands back the
-- previous result of an identical query on the same connection while no table it reads has changed.
-- Accept-Encoding: gzip is set by bench/run with -H. done() prints one "RESULT key=value ..." line.

local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("seed", counter)
end

local s, w, n, e, zoom

function init(args)
  s, w, n, e = os.getenv("BENCH_BBOX"):match("^([^,]+),([^,]+),([^,]+),([^,]+)$")
  s, w, n, e = tonumber(s), tonumber(w), tonumber(n), tonumber(e)
  zoom = os.getenv("BENCH_ZOOM")
  math.randomseed(20261123 + seed)
end

function request()
  local dy = (n - s) * 0.02 * (2 * math.random() - 1)
  local dx = (e - w) * 0.02 * (2 * math.random() - 1)
  return wrk.format("GET", string.format("/laporan/peta.json?bbox=%.6f,%.6f,%.6f,%.6f&zoom=%s",
      s + dy, w + dx, n + dy, e + dx, zoom))
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d seconds=%.3f rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f bytes=%d err_connect=%d err_read=%d err_write=%d err_status=%d err_timeout=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.bytes, e.connect, e.read, e.write, e.status, e.timeout))
end
