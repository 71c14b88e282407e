-- wrk script: list pages for a set of filter values, one path per line in $BENCH_PATHS, taken in turn
-- (each thread starts at a different line), as many citizens looking at different categories or
-- kelurahan do. A single fixed filtered URL would mostly measure H2's result reuse: H2 hands back the
-- previous result of an identical query on the same connection while no table it reads has changed.
-- Accept-Encoding: gzip is set by bench/run with -H. done() prints one "RESULT key=value ..." line.

local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("offset", counter * 7)
end

local paths, paths_raw, i

function init(args)
  paths, paths_raw = {}, {}
  for l in io.lines(os.getenv("BENCH_PATHS")) do
    if l:match("%S") then
      paths[#paths + 1] = wrk.format("GET", l)
      paths_raw[#paths_raw + 1] = l
    end
  end
  i = offset
end

-- BENCH_FRESH=1 adds a never-repeated parameter: every request is then rendered anew (the app keeps
-- list pages for anonymous visitors), which measures what a page costs when nothing is kept.
local fresh = os.getenv("BENCH_FRESH") == "1"

function request()
  i = i + 1
  if fresh then
    return wrk.format("GET", paths_raw[i % #paths_raw + 1] .. "&fresh=" .. offset .. "-" .. i)
  end
  return paths[i % #paths + 1]
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d seconds=%.3f rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f bytes=%d err_connect=%d err_read=%d err_write=%d err_status=%d err_timeout=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.bytes, e.connect, e.read, e.write, e.status, e.timeout))
end
