-- What plain text says: stack traces and level words (detectStackTrace, detectTextLevel of log-schema).

-- detectStackTrace: a trace printed as text, its type and message from a `Type: message` first line.
local TRACE_FIRST_LINES = { 'Traceback (most recent call last):', 'panic: ', 'fatal error: ', 'Exception in thread ' }
local TRACE_FRAME_MARKERS = { '\n    at ', '\n\tat ', '\n   at ' }

-- What JavaScript's `.` does not match besides \n: \r, U+2028 and U+2029.
local function hasLineTerminator(text)
  return find(text, '\r', 1, true) ~= nil or find(text, '\226\128[\168\169]') ~= nil
end

local function endsWith(text, suffix)
  return #text >= #suffix and sub(text, -#suffix) == suffix
end

local function detectStackTrace(text)
  local newline = find(text, '\n', 1, true)
  if not newline then return nil end
  local first = sub(text, 1, newline - 1)
  local known = false
  for _, start in ipairs(TRACE_FIRST_LINES) do
    if sub(first, 1, #start) == start then
      known = true
      break
    end
  end
  local framed = false
  if find(first, 'Error', 1, true) or find(first, 'Exception', 1, true) then
    for _, marker in ipairs(TRACE_FRAME_MARKERS) do
      if find(text, marker, 1, true) then
        framed = true
        break
      end
    end
  end
  if not known and not framed then return nil end
  local kind, rest = match(first, '^([A-Za-z_$][A-Za-z0-9_.$]*):(.*)$')
  if kind == nil or hasLineTerminator(rest) or not (endsWith(kind, 'Error') or endsWith(kind, 'Exception')) then
    return text
  end
  if sub(rest, 1, 1) == ' ' then rest = sub(rest, 2) end
  return text, kind, rest ~= '' and rest or nil
end

-- detectTextLevel: klog's letter, logfmt's level=, or a level word near the start of the first line.
local KLOG = { I = 'info', W = 'warn', E = 'error', F = 'fatal' }
local LOGFMT_KEYS = { 'level=', 'lvl=', 'severity=' }
local TOKENS_SCANNED = 6
local HEAD_UNITS = 512

-- The first line cut to 512 UTF-16 code units (JavaScript's string length); a character that
-- straddles the cut is kept whole, which no level pattern can tell from JavaScript's half of it.
local function headOf(text)
  local newline = find(text, '\n', 1, true)
  local line = newline and sub(text, 1, newline - 1) or text
  if #line <= HEAD_UNITS then return line end
  local units, at, length = 0, 1, #line
  while at <= length do
    local lead = byte(line, at)
    local size, width = 1, 1
    if lead >= 240 then
      size, width = 4, 2
    elseif lead >= 224 then
      size = 3
    elseif lead >= 192 then
      size = 2
    end
    if units >= HEAD_UNITS then return sub(line, 1, at - 1) end
    units, at = units + width, at + size
  end
  return line
end

local function logfmtLevel(line)
  for _, key in ipairs(LOGFMT_KEYS) do
    local at = find(line, key, 1, true)
    while at and at > 1 and byte(line, at - 1) ~= 32 do
      at = find(line, key, at + 1, true)
    end
    if at then
      local word = match(line, '^"?([A-Za-z]+)', at + #key)
      local level = word and LIFT.levelWords[lower(word)]
      if level then return level end
    end
  end
  return nil
end

local OPENERS = { [40] = true, [60] = true, [91] = true } -- ( < [
local CLOSERS = { [41] = true, [62] = true, [93] = true } -- ) > ]

-- JavaScript's /^[[(<].+[\])>]:?$/ and what stripping the brackets leaves, or nil.
local function bracketedWord(token)
  local length = #token
  if not OPENERS[byte(token, 1)] then return nil end
  local inner
  if byte(token, length) == 58 then
    if length >= 4 and CLOSERS[byte(token, length - 1)] then inner = sub(token, 2, length - 2) end
  elseif length >= 3 and CLOSERS[byte(token, length)] then
    inner = sub(token, 2, length - 1)
  end
  if inner == nil or hasLineTerminator(inner) then return nil end
  return inner
end

local function prefixLevel(line)
  local scanned = 0
  for token in string.gmatch(line, '[^ \t]+') do
    scanned = scanned + 1
    if scanned > TOKENS_SCANNED then return nil end
    if not find(token, '%d') then
      local word = bracketedWord(token)
      local bracketed = word ~= nil
      word = word or token
      local colonAt = not bracketed and find(word, ':', 1, true)
      if colonAt then word = sub(word, 1, colonAt - 1) end
      local level = LIFT.levelWords[lower(word)]
      if level and (bracketed or colonAt or (word == upper(word) and #word > 1)) then return level end
      return nil
    end
  end
  return nil
end

local function detectTextLevel(text)
  local line = headOf(text)
  if match(line, '^[IWEF]%d%d%d%d %d%d:%d%d:%d%d') then return KLOG[sub(line, 1, 1)] end
  return logfmtLevel(line) or prefixLevel(line)
end
