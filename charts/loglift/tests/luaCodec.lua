-- How Fluent Bit 5.1.1's lua filter hands records to Lua and packs them back (src/flb_lua.c), for
-- the test harnesses: mark(value) gives decoded JSON the msgpack type metatables, encode(value,
-- out) appends the JSON of a returned value to the list out. Load with dofile; needs cjson and
-- the global flb_null.
local cjson = require('cjson')

local ARRAY, MAP = { type = 1 }, { type = 2 }

-- Fluent Bit marks each table with its msgpack type. cjson cannot tell an empty JSON array from
-- an empty object, so an empty one is marked as a map here (Fluent Bit knows; see the test).
local function mark(value)
  if type(value) ~= 'table' then return value end
  for key, item in pairs(value) do mark(item) end
  return setmetatable(value, value[1] ~= nil and ARRAY or MAP)
end

local function maxn(value)
  local max = 0
  for key in pairs(value) do
    if type(key) == 'number' and key > max then max = key end
  end
  return max
end

-- flb_lua_tomsgpack: the metatable's type decides, else a table with positive integer keys is
-- an array; an integral number is an int64, any other a double.
local function encode(value, out)
  local kind = type(value)
  if kind == 'string' then
    out[#out + 1] = cjson.encode(value)
  elseif kind == 'number' then
    local integral = value == math.floor(value) and math.abs(value) < 2 ^ 63
    out[#out + 1] = integral and string.format('%d', value) or string.format('%.17g', value)
  elseif kind == 'boolean' then
    out[#out + 1] = tostring(value)
  elseif kind == 'table' then
    local meta = getmetatable(value)
    local isArray
    if meta and meta.type then
      isArray = meta.type == 1
    else
      isArray = maxn(value) > 0
    end
    if isArray then
      out[#out + 1] = '['
      for index = 1, #value do
        if index > 1 then out[#out + 1] = ',' end
        encode(value[index], out)
      end
      out[#out + 1] = ']'
    else
      out[#out + 1] = '{'
      local first = true
      for key, item in pairs(value) do
        if not first then out[#out + 1] = ',' end
        first = false
        out[#out + 1] = cjson.encode(tostring(key))
        out[#out + 1] = ':'
        encode(item, out)
      end
      out[#out + 1] = '}'
    end
  elseif value == nil or value == flb_null then
    out[#out + 1] = 'null'
  else
    error('cannot pack a ' .. kind)
  end
end

return { mark = mark, encode = encode }
