-- wrk script of bench/gateway.sh: rotates bearer tokens (one a line in the file given after --) and, for a POST,
-- writes a new village each request (12-digit codes under townships the caller created, each thread its own 50).
--   wrk ... -s bench/wrk/fanzha.lua URL -- TOKENS_FILE [get | post COUNTY FIRST_TOWNSHIP]
local threads = {}

function setup(thread)
    thread:set("id", #threads)
    table.insert(threads, thread)
end

function init(args)
    mode, county, first = args[2] or "get", args[3], tonumber(args[4] or "1")
    tokens = {}
    for line in io.lines(args[1]) do
        if #line > 0 then tokens[#tokens + 1] = line end
    end
    counter = 0
end

function request()
    counter = counter + 1
    local headers = { ["Authorization"] = "Bearer " .. tokens[(counter % #tokens) + 1] }
    if mode == "post" then
        headers["Content-Type"] = "application/json"
        -- Townships first + 50 * thread .. + 49, villages 001..999 in each: no two requests share a code.
        local township = first + 50 * id + math.floor((counter - 1) / 999)
        local code = string.format("%s%03d%03d", county, township, (counter - 1) % 999 + 1)
        return wrk.format("POST", nil, headers, string.format(
            '{"code":"%s","name":"基准村%d","residentHouseholds":100}', code, counter))
    end
    return wrk.format("GET", nil, headers)
end

function done(summary, latency, requests)
    local seconds = summary.duration / 1e6
    local bad = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write
            + summary.errors.timeout
    -- The main state that runs done() never ran init(): the caller labels the line.
    io.write(string.format("RESULT %.0f %.2f %.2f %d %d\n", summary.requests / seconds,
            latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.requests, bad))
end
