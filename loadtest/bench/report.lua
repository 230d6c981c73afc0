-- Shared by every bench script: prints one JSON line with throughput and latency percentiles.
-- wrk gives latencies in microseconds; the line gives milliseconds.
local report = {}

function report.done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors
  io.write(string.format(
    '{"requests":%d,"seconds":%.3f,"rps":%.1f,"p50Millis":%.3f,"p90Millis":%.3f,"p99Millis":%.3f,' ..
    '"p999Millis":%.3f,"maxMillis":%.3f,"non2xx":%d,"socketErrors":%d}\n',
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1e3, latency:percentile(90) / 1e3, latency:percentile(99) / 1e3,
    latency:percentile(99.9) / 1e3, latency.max / 1e3, errors.status,
    errors.connect + errors.read + errors.write + errors.timeout))
end

return report
