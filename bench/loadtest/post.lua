-- A wrk script: POSTs JSON bodies in turn with an API key, and prints one line of figures.
--   wrk -t1 -c8 -d10s --latency -s bench/loadtest/post.lua URL -- KEY FILE...
-- Each FILE is one body, or one body per non-blank line if its name ends in .jsonl.
local bodies = {}
local headers = {}
local next = 0

function init(args)
  headers["Content-Type"] = "application/json"
  headers["Authorization"] = "Bearer " .. args[1]
  for i = 2, #args do
    local file = assert(io.open(args[i], "r"))
    local text = file:read("*a")
    file:close()
    if args[i]:match("%.jsonl$") then
      for line in text:gmatch("[^\n]+") do
        if line:match("%S") then
          table.insert(bodies, line)
        end
      end
    else
      table.insert(bodies, text)
    end
  end
  assert(#bodies > 0, "no bodies given")
end

function request()
  next = next % #bodies + 1
  return wrk.format("POST", nil, headers, bodies[next])
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local failed = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("%d requests in %.1f s: %.0f requests/s; p50 %.1f ms, p99 %.1f ms, max %.1f ms; %d non-2xx, %d socket errors\n",
    summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, summary.errors.status, failed))
end
