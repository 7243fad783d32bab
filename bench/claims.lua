-- wrk script: files distinct, valid claims (unique business number and Idempotency-Key per request)
-- until CLAIMS_PER_THREAD responses have arrived on this thread.
local threads = 0
local weights = {1, 3, 7, 1, 3, 7, 1, 3, 5}

setup = function(thread)
  thread:set("tid", threads)
  threads = threads + 1
end

local counter, responses = 0, 0
local limit = tonumber(os.getenv("CLAIMS_PER_THREAD"))
-- owners (bench/owner_tokens.py): every PER_TOKEN consecutive businesses of a thread have one owner,
-- whose token carries their registration numbers and whose own account is paid
local per_token = tonumber(os.getenv("PER_TOKEN"))
local tokens = nil
local function owner_token(t, owner)
  if tokens == nil then
    tokens = {}
    for line in io.lines(os.getenv("OWNER_TOKENS")) do
      local lt, lo, tok = line:match("^(%d+) (%d+) (%S+)$")
      if tonumber(lt) == t then tokens[tonumber(lo)] = tok end
    end
  end
  return tokens[owner]
end
local path = os.getenv("CLAIMS_PATH")
-- CLAIM_CONTACT=mixed (bin/crash-test-claim-notices): seven in ten claims give a mobile number, two an
-- e-mail address, one nothing; unset, no claim gives contact details (the intake benchmark)
local contact_mix = os.getenv("CLAIM_CONTACT")
local run = os.getenv("RUN_ID")

-- a valid number as the tax office issues them: office 101 + thread, kind 01-99, serial 0001-9999
local function business_number(t, c)
  local nine = string.format("%03d%02d%04d", 101 + t, 1 + math.floor(c / 9999) % 99, 1 + c % 9999)
  local sum = 0
  for i = 1, 9 do sum = sum + tonumber(nine:sub(i, i)) * weights[i] end
  sum = sum + math.floor(tonumber(nine:sub(9, 9)) * 5 / 10)
  return nine .. tostring((10 - sum % 10) % 10)
end

local function contact(n)
  if contact_mix ~= "mixed" then return "" end
  local k = n % 10
  if k < 7 then return string.format(',"contact":{"phone":"010-%04d-%04d"}', math.floor(n / 10000) % 10000, n % 10000) end
  if k < 9 then return string.format(',"contact":{"email":"bench%d@example.com","language":"en"}', n) end
  return ""
end

request = function()
  counter = counter + 1
  local n = 100000000 + tid * 10000000 + counter
  local owner = math.floor((counter - 1) / per_token)
  local body = string.format(
    '{"businessRegistrationNumber":"%s","businessName":"Bench %d","category":"taxi","service":"kakaot",' ..
    '"reportedLoss":%d,"bankAccount":{"bank":"KB","accountNumber":"110-%02d-%06d","holder":"Bench Owner %d-%d"}%s}',
    business_number(tid, counter), n, 50000 + (n % 250000), tid, owner, tid, owner, contact(n))
  return wrk.format("POST", path, {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. owner_token(tid, owner),
    ["Idempotency-Key"] = "bench-" .. run .. "-" .. n }, body)
end

response = function(status, headers, body)
  responses = responses + 1
  if responses >= limit then wrk.thread:stop() end
end
