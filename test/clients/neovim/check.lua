-- Headless Neovim (0.7's built-in LSP client) against the Hindsight server over stdio.
-- Opens HINDSIGHT_FILE, waits for the pushed diagnostics, appends HINDSIGHT_APPEND (a didChange),
-- waits for diagnostics on that new line, and writes both sets to HINDSIGHT_OUT as JSON.
-- Run by test/clients/neovim.test.ts:  nvim --headless --clean -c 'luafile check.lua'
local out = assert(vim.env.HINDSIGHT_OUT, 'HINDSIGHT_OUT is not set')
local file = vim.fn.fnamemodify(assert(vim.env.HINDSIGHT_FILE), ':p')
local server = vim.fn.fnamemodify(assert(vim.env.HINDSIGHT_SERVER), ':p')
local appended = assert(vim.env.HINDSIGHT_APPEND)
local timeout = 20000

local function write(result)
  local f = assert(io.open(out, 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
end

local function slim(diagnostics)
  local list = {}
  for _, d in ipairs(diagnostics) do
    table.insert(list, { lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
      severity = d.severity, code = d.code, source = d.source, message = d.message })
  end
  return list
end

vim.cmd('edit ' .. vim.fn.fnameescape(file))
local bufnr = vim.api.nvim_get_current_buf()
local exits = {}
local client_id = vim.lsp.start_client({
  name = 'hindsight',
  cmd = { 'node', server, '--stdio' },
  root_dir = vim.fn.fnamemodify(file, ':h'),
  on_exit = function(code) table.insert(exits, code) end,
})
assert(client_id, 'vim.lsp.start_client failed')
vim.lsp.buf_attach_client(bufnr, client_id)

local opened_ok = vim.wait(timeout, function() return #vim.diagnostic.get(bufnr) > 0 end, 20)
local opened = vim.diagnostic.get(bufnr)

-- HINDSIGHT_APPEND may hold several lines; the finding is awaited on the last of them.
local lines = vim.split(appended, '\n', { plain = true })
local new_line = vim.api.nvim_buf_line_count(bufnr) + #lines - 1
vim.api.nvim_buf_set_lines(bufnr, -1, -1, false, lines)
local changed_ok = vim.wait(timeout, function()
  return #vim.diagnostic.get(bufnr, { lnum = new_line }) > 0
end, 20)

write({ opened_ok = opened_ok, opened = slim(opened), changed_ok = changed_ok, changed = slim(vim.diagnostic.get(bufnr)),
  appended_line = new_line, server_exits = exits })
vim.lsp.stop_client(client_id)
vim.cmd('qa!')
