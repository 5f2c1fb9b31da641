-- Times as loggers write them (parseTime and formatTime of log-schema), in UTC arithmetic.

-- Calendar arithmetic on the proleptic Gregorian calendar, independent of the local zone.
local function daysFromCivil(year, month, day)
  local y = month <= 2 and year - 1 or year
  local era = floor(y / 400)
  local yearOfEra = y - era * 400
  local dayOfYear = floor((153 * (month + (month > 2 and -3 or 9)) + 2) / 5) + day - 1
  local dayOfEra = yearOfEra * 365 + floor(yearOfEra / 4) - floor(yearOfEra / 100) + dayOfYear
  return era * 146097 + dayOfEra - 719468
end

local function civilFromDays(days)
  local z = days + 719468
  local era = floor(z / 146097)
  local dayOfEra = z - era * 146097
  local yearOfEra = floor((dayOfEra - floor(dayOfEra / 1460) + floor(dayOfEra / 36524) - floor(dayOfEra / 146096)) / 365)
  local dayOfYear = dayOfEra - (365 * yearOfEra + floor(yearOfEra / 4) - floor(yearOfEra / 100))
  local monthIndex = floor((5 * dayOfYear + 2) / 153)
  local day = dayOfYear - floor((153 * monthIndex + 2) / 5) + 1
  local month = monthIndex < 10 and monthIndex + 3 or monthIndex - 9
  local year = yearOfEra + era * 400
  if month <= 2 then year = year + 1 end
  return year, month, day
end

local MAX_MILLIS = daysFromCivil(10000, 1, 1) * 86400000 - 1
local MAX_DATE_MILLIS = 8.64e15 -- the range of a JavaScript Date, as toISOString allows

-- formatTime: what Date#toISOString prints, years beyond 0-9999 in its six-digit form included.
local function formatTime(millis)
  if not isFinite(millis) or millis > MAX_DATE_MILLIS or millis < -MAX_DATE_MILLIS then
    error('time out of range: ' .. tostring(millis), 0)
  end
  millis = floor(millis)
  local days = floor(millis / 86400000)
  local rest = millis - days * 86400000
  local year, month, day = civilFromDays(days)
  local yearText
  if year >= 0 and year <= 9999 then
    yearText = format('%04d', year)
  else
    yearText = (year < 0 and '-' or '+') .. format('%06d', year < 0 and -year or year)
  end
  return format('%s-%02d-%02dT%02d:%02d:%02d.%03dZ', yearText, month, day, floor(rest / 3600000),
    floor(rest / 60000) % 60, floor(rest / 1000) % 60, rest % 1000)
end

local function fromEpoch(value)
  if not isFinite(value) or value <= 0 then return nil end
  local millis
  if value >= 1e17 then
    millis = value / 1e6
  elseif value >= 1e14 then
    millis = value / 1e3
  elseif value >= 1e11 then
    millis = value
  else
    millis = value * 1000
  end
  millis = floor(millis)
  if millis <= MAX_MILLIS then return millis end
  return nil
end

local function twoDigits(text, at)
  local digits = match(text, '^%d%d', at)
  return digits and tonumber(digits)
end

local function isLeapYear(year)
  return (year % 4 == 0 and year % 100 ~= 0) or year % 400 == 0
end

local function daysInMonth(year, month)
  if month == 2 then return isLeapYear(year) and 29 or 28 end
  if month == 4 or month == 6 or month == 9 or month == 11 then return 30 end
  return 31
end

-- The ISO 8601 form parseTime's regular expression accepts, scanned left to right: its optional
-- groups never need backtracking, since what may follow each one cannot start it.
local function parseIso(text)
  local year, month, day = match(text, '^(%d%d%d%d)%-(%d%d)%-(%d%d)')
  if not year then return nil end
  local at = 11
  local hour, minute, second, fraction = 0, 0, 0, ''
  local separator = sub(text, at, at)
  if separator == 'T' or separator == ' ' then
    local h, m = twoDigits(text, at + 1), twoDigits(text, at + 4)
    if h and sub(text, at + 3, at + 3) == ':' and m then
      hour, minute, at = h, m, at + 6
      local s = sub(text, at, at) == ':' and twoDigits(text, at + 1)
      if s then
        second, at = s, at + 3
        local mark = sub(text, at, at)
        if mark == '.' or mark == ',' then
          local digits = match(text, '^%d+', at + 1)
          if digits and #digits <= 9 then fraction, at = digits, at + 1 + #digits end
        end
      end
    end
  end
  if sub(text, at, at) == ' ' then at = at + 1 end
  local offset = 0
  local zone = sub(text, at, at)
  if zone == 'Z' or zone == 'z' then
    at = at + 1
  elseif zone == '+' or zone == '-' then
    local hours = twoDigits(text, at + 1)
    if not hours then return nil end
    at = at + 3
    local minutes = 0
    if at <= #text then
      if sub(text, at, at) == ':' then at = at + 1 end
      minutes = twoDigits(text, at)
      if not minutes then return nil end
      at = at + 2
    end
    if hours > 23 or minutes > 59 then return nil end
    offset = (zone == '-' and -1 or 1) * (hours * 60 + minutes)
  end
  if at <= #text then return nil end
  year, month, day = tonumber(year), tonumber(month), tonumber(day)
  if month < 1 or month > 12 or day < 1 or day > daysInMonth(year, month) then return nil end
  if hour > 23 or minute > 59 or second > 59 then return nil end
  local millis = floor(tonumber(sub(fraction .. '000', 1, 3)))
  local epoch = ((daysFromCivil(year, month, day) * 24 + hour) * 60 + minute - offset) * 60000 + second * 1000 + millis
  if epoch >= 0 and epoch <= MAX_MILLIS then return epoch end
  return nil
end

local function isUnsignedDecimal(text)
  local whole, rest = match(text, '^(%d+)(.*)$')
  return whole ~= nil and (rest == '' or match(rest, '^%.%d+$') ~= nil)
end

local function parseTime(value)
  local kind = type(value)
  if kind == 'number' then return fromEpoch(value) end
  if kind ~= 'string' then return nil end
  if isUnsignedDecimal(value) then return fromEpoch(tonumber(value)) end
  return parseIso(value)
end
