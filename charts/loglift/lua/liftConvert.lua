-- Values converted for the typed root fields (convertValue and normalizeLevel of log-schema).

-- A number, or the number a string spells: at most 15 integer digits, a fraction only when allowed.
local function numberOf(value, allowFraction)
  local kind = type(value)
  if kind == 'number' then return isFinite(value) and value or nil end
  if kind ~= 'string' then return nil end
  local whole, rest = match(value, '^%-?(%d+)(.*)$')
  if not whole or #whole > 15 then return nil end
  if rest ~= '' and not (allowFraction and match(rest, '^%.%d+$')) then return nil end
  return tonumber(value)
end

local function integerOf(value)
  local number = numberOf(value, false)
  if number ~= nil and floor(number) == number and number <= MAX_SAFE_INTEGER and number >= -MAX_SAFE_INTEGER then
    return number
  end
  return nil
end

local function pinoLevel(number)
  if not isFinite(number) or floor(number) ~= number then return nil end
  for _, level in ipairs(LIFT.levelsBySeverity) do
    if number >= LIFT.levelValues[level] then return level end
  end
  return nil
end

local function normalizeLevel(value)
  local kind = type(value)
  if kind == 'number' then return pinoLevel(value) end
  if kind ~= 'string' then return nil end
  if match(value, '^%d+$') then return pinoLevel(tonumber(value)) end
  local word = lower(value)
  local last = byte(word, -1)
  if last and last >= 49 and last <= 52 then word = sub(word, 1, -2) end -- OpenTelemetry's ERROR2
  return LIFT.levelWords[word]
end

local function otelSeverity(value)
  local number = value
  if type(value) == 'string' and match(value, '^%d+$') then number = tonumber(value) end
  if type(number) ~= 'number' or not isFinite(number) or floor(number) ~= number or number < 1 or number > 24 then
    return nil
  end
  return LIFT.levels[floor((number - 1) / 4) + 1]
end

local function urlPath(value)
  if type(value) ~= 'string' then return nil end
  local rest = value
  local scheme = find(rest, '://', 1, true)
  if scheme then
    local slash = find(rest, '/', scheme + 3, true)
    rest = slash and sub(rest, slash) or '/'
  end
  if byte(rest, 1) ~= 47 then return nil end
  local stop = find(rest, '[?#]')
  return stop and sub(rest, 1, stop - 1) or rest
end

local CONVERSIONS = {
  keyword = function(value)
    if type(value) == 'string' then return value ~= '' and value or nil end
    local integer = type(value) == 'number' and integerOf(value) or nil
    return integer and format('%d', integer) or nil
  end,
  text = function(value)
    return type(value) == 'string' and value ~= '' and value or nil
  end,
  long = integerOf,
  double = function(value)
    return numberOf(value, true)
  end,
  boolean = function(value)
    if type(value) == 'boolean' then return value end
    return nil
  end,
  level = normalizeLevel,
  otelSeverity = otelSeverity,
  time = function(value)
    local millis = parseTime(value)
    return millis and formatTime(millis) or nil
  end,
  urlPath = urlPath,
  httpMethod = function(value)
    if type(value) ~= 'string' or #value < 3 or #value > 10 or not match(value, '^[A-Za-z]+$') then return nil end
    return upper(value)
  end,
  httpStatus = function(value)
    local status = integerOf(value)
    return status and status >= 100 and status <= 599 and status or nil
  end,
  nanosToMillis = function(value)
    local nanos = numberOf(value, true)
    if nanos == nil or nanos < 0 then return nil end
    return nanos / 1e6
  end,
  secondsToMillis = function(value)
    local seconds = numberOf(value, true)
    if seconds == nil or seconds < 0 then return nil end
    return seconds * 1000
  end,
}
