-- The flow layout: stacks blocks (sumi.internal.layout.blocks, sumi.internal.layout.table)
-- down frames (the page's text area, or its columns) and pages, deciding
-- where each block or piece of a block goes. Nothing is drawn here: the
-- result is a list of pages of placements that the document draws, so the
-- same layout can be run again (for the table of contents) and tested.
--
-- Rules, in the order they apply:
-- - the space between two blocks is the larger of the first's space_after
--   and the second's space_before, and none at the top of a frame;
-- - a block with keep_with_next (a heading) goes on only if the least
--   start of what follows (its min_height, through chains of headings)
--   fits beside it; otherwise it moves to the next frame;
-- - a block that does not fit is split when it can (paragraphs by lines
--   with widow and orphan control, tables by rows), else moved on;
-- - a block that fits no frame (alone, or under the headings kept with
--   it) splits where its own rules would not let it: a table cuts a row
--   between the lines of its cells;
-- - a block too tall for an empty frame is placed there all the same
--   (figures shrink to fit first), with a warning.
local runtime = require "sumi.runtime"

local flow = {}

local EPSILON = 0.01

-- Markers that change the frames rather than take room.
-- A block's measuring and splitting, with what goes wrong (a colour that
-- does not parse, a warning) reported at the line that added the block,
-- as its drawing is (sumi.internal.document.pages); a split's pieces keep
-- that line.
local function blamed(b, method, ...)
  if not b.where or b.where == "" then return b[method](b, ...) end
  return runtime.blame(b.where, b[method], b, ...)
end

local function split(b, ...)
  local first, rest = blamed(b, "split", ...)
  if first and first.where == nil then first.where = b.where end
  if rest and rest.where == nil then rest.where = b.where end
  return first, rest
end

local function is_marker(b)
  return b.kind == "page_break" or b.kind == "columns" or b.kind == "end_columns"
end

-- The least column height at which the blocks of a columns section fill
-- no more than `count` columns of `width`, or nil when they need more
-- than `room`: the section is then balanced, its columns ending level.
local function balanced_height(ctx, section, count, width, room)
  local function fits(h)
    local quiet = ctx.quiet
    ctx.quiet = true
    local pages = flow.paginate(ctx, section, function()
      return {x = 0, y = 0, width = width, height = h}
    end)
    ctx.quiet = quiet
    if #pages > count then return false end
    for _, page in ipairs(pages) do
      for _, item in ipairs(page.items) do
        if item.y + item.height > h + EPSILON then return false end
      end
    end
    return true
  end
  if #section == 0 or not fits(room) then return nil end
  local low, high = 0, room
  for _ = 1, 12 do
    local mid = (low + high) / 2
    if fits(mid) then high = mid else low = mid end
  end
  return high
end

--- flow.paginate(ctx, list, area) -> pages: area(n) gives page n's text
--- area {x, y, width, height}; each page is {number, items = {{block, x,
--- y, width, height, frame}}}.
function flow.paginate(ctx, list, area)
  local pages, page, frames, f, y, after
  local columns -- the columns block in force, or nil
  local queue = {}
  for i, b in ipairs(list) do queue[i] = b end

  local function column_frames(box, top, height)
    height = height or box.y + box.height - top
    if not columns then
      return {{x = box.x, y = top, width = box.width, height = height, used = top}}
    end
    local n, gap = columns.count, columns.gap
    local w = (box.width - gap * (n - 1)) / n
    local out = {}
    for k = 1, n do
      out[k] = {x = box.x + (k - 1) * (w + gap), y = top, width = w, height = height, used = top}
    end
    return out
  end

  local i = 1 -- the block being placed

  -- On a page a columns section continues onto, the column height that
  -- balances what is left of it, or nil when the rest fills the page.
  local function balance_rest()
    if not (columns and columns.count > 1 and columns.balance) then return nil end
    local section, j = {}, i
    while queue[j] and not is_marker(queue[j]) do
      section[#section + 1] = queue[j]
      j = j + 1
    end
    local w = (page.area.width - columns.gap * (columns.count - 1)) / columns.count
    return balanced_height(ctx, section, columns.count, w, page.area.height)
  end

  local function new_page()
    page = {number = #pages + 1, items = {}}
    pages[#pages + 1] = page
    page.area = area(page.number)
    frames = column_frames(page.area, page.area.y, #pages > 1 and balance_rest() or nil)
    f, y, after = 1, page.area.y, nil
  end

  local function next_frame()
    if f < #frames then
      f = f + 1
      y, after = frames[f].y, nil
    else
      new_page()
    end
  end

  local function at_top() return y <= frames[f].y + EPSILON end

  local function gap_before(b)
    if at_top() then return 0 end
    return math.max(after or 0, b.space_before or 0)
  end

  -- The room a keep_with_next block needs after itself: the gap and the
  -- least start of what follows, through chains of kept blocks.
  local function needed_after(j, width, prev)
    local b = queue[j]
    if b and b.kind == "columns" then
      -- A heading over columns needs the start of the first column.
      local w = (page.area.width - b.gap * (b.count - 1)) / b.count
      return (b.space_before or 0) + needed_after(j + 1, w, {space_after = 0})
    end
    if b == nil or is_marker(b) then return 0 end
    local gap = math.max(prev.space_after or 0, b.space_before or 0)
    if b.keep_with_next then
      return gap + blamed(b, "height", ctx, width) + needed_after(j + 1, width, b)
    end
    return gap + blamed(b, "min_height", ctx, width)
  end

  local function place(b, top, h)
    local fr = frames[f]
    page.items[#page.items + 1] = {block = b, x = fr.x, y = top, width = fr.width, height = h,
                                   frame = f}
    y = top + h
    fr.used = math.max(fr.used, y)
    -- Whether the frame holds only blocks kept with what follows (headings):
    -- moving on would take them along, so the next block gains nothing by it.
    fr.kept_only = fr.kept_only ~= false and b.keep_with_next and true or false
    after = b.space_after
  end

  pages = {}
  new_page()
  while i <= #queue do
    local b = queue[i]
    if b.kind == "page_break" then
      if not (at_top() and f == 1 and #page.items == 0) then new_page() end
      i = i + 1
    elseif b.kind == "columns" or b.kind == "end_columns" then
      -- Columns start (or end) below what the page holds so far.
      local bottom = page.area.y
      for _, fr in ipairs(frames) do bottom = math.max(bottom, fr.used) end
      local top = bottom > page.area.y and bottom + b.space_before or bottom
      columns = b.kind == "columns" and b or nil
      top = math.min(top, page.area.y + page.area.height)
      local height
      if columns and columns.count > 1 and columns.balance then
        -- Balanced when the whole section fits on this page.
        local section, j = {}, i + 1
        while queue[j] and not is_marker(queue[j]) do
          section[#section + 1] = queue[j]
          j = j + 1
        end
        local w = (page.area.width - columns.gap * (columns.count - 1)) / columns.count
        height = balanced_height(ctx, section, columns.count, w, page.area.y + page.area.height - top)
      end
      frames = column_frames(page.area, top, height)
      f, y, after = 1, frames[1].y, nil
      i = i + 1
    else
      local fr = frames[f]
      local gap = gap_before(b)
      local room = fr.y + fr.height - y - gap
      local h = blamed(b, "height", ctx, fr.width, fr.height)
      local need = h
      if b.keep_with_next then need = h + needed_after(i + 1, fr.width, b) end
      if need <= room + EPSILON then
        place(b, y + gap, h)
        i = i + 1
      else
        local first, rest
        if b.split and not b.keep_with_next and room > 0 then
          first, rest = split(b, ctx, fr.width, room)
        end
        local page_top = fr.y <= page.area.y + EPSILON
        if not first and page_top and (at_top() or fr.kept_only) and b.split and room > 0 then
          -- Nothing gained by moving on: a block that splits may now break
          -- the rules that keep its pieces whole (a table row between lines).
          first, rest = split(b, ctx, fr.width, room, true)
        end
        if first then
          place(first, y + gap, blamed(first, "height", ctx, fr.width))
          queue[i] = rest
          next_frame()
        elseif at_top() and page_top then
          -- Nothing gained by moving on: a frame from the top of the page
          -- is as big as frames get.
          if h > room + EPSILON and not ctx.quiet then
            runtime.warn(("a %s is taller than the page's text area (%.0f > %.0f pt)")
              :format(b.kind, h, room))
          end
          place(b, y + gap, h)
          i = i + 1
        else
          next_frame()
        end
      end
    end
  end
  -- A page break or a split at the very end leaves an empty last page.
  if #pages > 1 and #pages[#pages].items == 0 then pages[#pages] = nil end
  return pages
end

return flow
