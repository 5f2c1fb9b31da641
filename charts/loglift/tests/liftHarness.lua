-- Runs files/lift.lua the way Fluent Bit 5.1.1's lua filter does (src/flb_lua.c), for tests:
-- reads a JSON array of {tag, sec, nsec, record} on stdin and prints one JSON line per call,
-- {code, timestamp, record, input}, packed back by Fluent Bit's rules.
-- Usage: luajit liftHarness.lua <lift.lua> [repeat]   (repeat > 0: time that many calls, round
-- robin over the input, and print {records, seconds} of CPU time instead)
local cjson = require('cjson')

-- enable_flb_null: JSON null is the global light userdata NULL, as cjson.null is.
flb_null = cjson.null
dofile(assert(arg[1], 'usage: luajit liftHarness.lua <lift.lua> [repeat]'))

local codec = dofile((string.match(arg[0], '^(.*/)') or './') .. 'luaCodec.lua')
local mark, encode = codec.mark, codec.encode

local calls = cjson.decode(io.read('*a'))
local repeats = tonumber(arg[2] or '0')
if repeats > 0 then
  local records = {}
  for index, call in ipairs(calls) do records[index] = mark(call.record) end
  -- Warm up first, so the timed rounds run the compiled traces.
  for round = 1, math.min(repeats, 20000) do
    local call = calls[(round - 1) % #calls + 1]
    lift(call.tag, { sec = call.sec, nsec = call.nsec }, records[(round - 1) % #calls + 1])
  end
  local started = os.clock()
  for round = 1, repeats do
    local call = calls[(round - 1) % #calls + 1]
    lift(call.tag, { sec = call.sec, nsec = call.nsec }, records[(round - 1) % #calls + 1])
  end
  io.write(string.format('{"records":%d,"seconds":%.6f}\n', repeats, os.clock() - started))
  return
end
for _, call in ipairs(calls) do
  local input = mark(call.record)
  local code, timestamp, record = lift(call.tag, { sec = call.sec, nsec = call.nsec }, input)
  local out = {}
  -- input: the table Fluent Bit passed in, as it is after the call.
  encode({ code = code, timestamp = timestamp, record = record, input = input }, out)
  io.write(table.concat(out), '\n')
end
