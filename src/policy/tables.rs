//! Tables in normalised text: pipe rows (Markdown, and HTML rewritten by `markup`) and
//! plain-text tables whose cells sit one per line with blank lines between rows (as pasted
//! from a web page). Each column gets a role from its header.

/// A byte range in the normalised text.
pub type Range = (usize, usize);

/// What a column holds, from its header words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// SDK name (SDK名称).
    Name,
    /// Company (第三方名称 / 公司 / 主体).
    Vendor,
    /// Purpose or feature (使用目的 / 功能类型 / 业务功能).
    Purpose,
    /// Personal data collected (个人信息类型 / 收集信息).
    DataTypes,
    /// Permissions (设备权限 / 对应权限).
    Permissions,
    /// Link (官网链接 / 隐私政策链接).
    Link,
    /// Anything else (可否关闭...).
    Other,
}

/// A table: header cells, body rows, roles per column.
#[derive(Debug, Clone)]
pub struct Table {
    /// Header cells.
    pub header: Vec<Range>,
    /// Body rows (cells by column; rows may be shorter than the header).
    pub rows: Vec<Vec<Range>>,
    /// Column roles, one per header cell.
    pub roles: Vec<Role>,
    /// The whole table.
    pub span: Range,
}

impl Table {
    /// The column with `role`, if any.
    pub fn column(&self, role: Role) -> Option<usize> {
        self.roles.iter().position(|&r| r == role)
    }
}

/// The role a header cell's (normalised) text gives its column.
pub fn role_of(header: &str) -> Role {
    let has = |words: &[&str]| words.iter().any(|w| header.contains(w));
    if has(&["权限"])
        && !has(&[
            "方式", "说明", "目的", "关闭", "询问", "场景", "用途", "撤回",
        ])
    {
        Role::Permissions
    } else if has(&["链接", "网址", "官网", "隐私政策", "隐私协议", "url"]) {
        Role::Link
    } else if has(&[
        "个人信息",
        "信息类型",
        "收集信息",
        "收集的信息",
        "数据类型",
        "字段",
        "收集内容",
        "收集数据",
    ]) {
        Role::DataTypes
    } else if has(&[
        "公司",
        "主体",
        "提供方",
        "运营方",
        "开发者",
        "厂商",
        "第三方名称",
        "开发商",
        "合作方",
        "共享方",
        "接收方",
    ]) {
        Role::Vendor
    } else if (has(&["sdk", "插件"]) && !has(&["目的", "类型", "功能", "场景", "用途"]))
        || header == "名称"
        || header == "服务名称"
    {
        Role::Name
    } else if has(&["目的", "用途", "功能", "场景"]) {
        Role::Purpose
    } else {
        Role::Other
    }
}

/// Find every table in `text`.
pub fn find(text: &str) -> Vec<Table> {
    let lines = lines(text);
    let mut tables = pipe_tables(text, &lines);
    tables.extend(plain_tables(text, &lines));
    tables.sort_by_key(|t| t.span.0);
    tables
}

/// Lines of `text`, with flattened pipe rows joined: crawlers put every cell of a pipe
/// table on its own line with the `|` between them on a line of its own
/// (`友盟SDK\n|\nIMEI\n|\n推送消息`); such a run is one row.
fn lines(text: &str) -> Vec<Range> {
    let mut physical = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let end = start + line.trim_end_matches('\n').len();
        physical.push((start, end));
        start += line.len();
    }
    let lone_pipe = |r: &Range| slice(text, *r) == "|";
    let mut out: Vec<Range> = Vec::with_capacity(physical.len());
    let mut joining = false;
    for l in physical {
        let pipe = lone_pipe(&l);
        match out.last_mut() {
            Some(last) if (pipe || joining) && l.0 < l.1 && last.0 < last.1 => {
                last.1 = l.1;
                joining = pipe;
            }
            _ => {
                out.push(l);
                joining = pipe;
            }
        }
    }
    out
}

fn slice(text: &str, r: Range) -> &str {
    text.get(r.0..r.1).unwrap_or("")
}

fn is_separator(s: &str) -> bool {
    s.contains("---") && s.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
}

/// Cells of a pipe row, trimmed; a leading and a trailing empty cell (outer pipes) dropped.
fn pipe_cells(text: &str, line: Range) -> Vec<Range> {
    let s = slice(text, line);
    let mut cells = Vec::new();
    let mut start = line.0;
    for part in s.split('|') {
        let lead = part.len() - part.trim_start().len();
        let trimmed = part.trim();
        cells.push((start + lead, start + lead + trimmed.len()));
        start += part.len() + 1;
    }
    if cells.first().is_some_and(|c| c.0 == c.1) {
        cells.remove(0);
    }
    if cells.last().is_some_and(|c| c.0 == c.1) {
        cells.pop();
    }
    cells
}

fn pipe_tables(text: &str, lines: &[Range]) -> Vec<Table> {
    let mut out = Vec::new();
    let is_pipe = |r: &Range| slice(text, *r).contains('|');
    let mut i = 0;
    while i < lines.len() {
        let Some(first) = lines.get(i).filter(|l| is_pipe(l)) else {
            i += 1;
            continue;
        };
        // A table goes on over one or two short lines without pipes (blank, or the end of
        // a cell that held a line break) when pipe rows follow.
        let mut j = i;
        loop {
            if lines.get(j).is_some_and(is_pipe) {
                j += 1;
            } else if j > i
                && let Some(k) = (1..=2).find(|k| lines.get(j + k).is_some_and(is_pipe))
                && lines.get(j..j + k).is_some_and(|skip| {
                    skip.iter().all(|l| {
                        let s = slice(text, *l);
                        // A rule line (`==========`) ends the table.
                        s.chars().count() <= 400 && !s.starts_with("===")
                    })
                })
            {
                j += k + 1;
            } else {
                break;
            }
        }
        let block = lines.get(i..j).unwrap_or(&[]);
        i = j.max(i + 1);
        // Rows of one cell are titles or section labels (`内嵌SDK名单`), not data.
        let rows: Vec<Vec<Range>> = block
            .iter()
            .filter(|l| is_pipe(l) && !is_separator(slice(text, **l)))
            .map(|l| pipe_cells(text, *l))
            .collect();
        // The header is the first of the top rows whose cells are header words; a table
        // may also have none (rows only: roles then come from the cells, see `sdks`).
        let header_at = rows.iter().take(3).position(|r| is_header_row(text, r));
        let (header, body) = match header_at {
            Some(k) => (
                rows.get(k).cloned().unwrap_or_default(),
                rows.get(k + 1..).unwrap_or(&[]).to_vec(),
            ),
            None => (Vec::new(), rows),
        };
        let data_rows = body
            .iter()
            .filter(|cells| cells.iter().filter(|c| c.1 > c.0).count() >= 2)
            .count();
        if data_rows == 0 || (header.is_empty() && data_rows < 2) {
            continue;
        }
        let last = block.last().copied().unwrap_or(*first);
        out.push(table(text, header, body, (first.0, last.1)));
    }
    out
}

const HEADER_WORDS: &[&str] = &[
    "权限",
    "功能",
    "目的",
    "名称",
    "类型",
    "是否",
    "可否",
    "方式",
    "场景",
    "信息",
    "链接",
    "用途",
    "公司",
    "sdk",
    "主体",
    "第三方",
    "提供方",
    "运营方",
    "收集",
    "共享",
    "隐私",
    "官网",
    "厂商",
    "范围",
    "数据",
    "字段",
];

/// A header row: at least two cells, at least half of them short and naming a column
/// (`SDK名称`, `使用目的`, `第三方名称`...).
fn is_header_row(text: &str, row: &[Range]) -> bool {
    let cells: Vec<&str> = row
        .iter()
        .map(|c| slice(text, *c))
        .filter(|c| !c.is_empty())
        .collect();
    let named = cells
        .iter()
        .filter(|c| c.chars().count() <= 16 && HEADER_WORDS.iter().any(|w| c.contains(w)))
        .count();
    let data_like = cells
        .iter()
        .any(|c| c.contains("http") || c.chars().all(|ch| ch.is_ascii_digit()));
    cells.len() >= 2 && named >= 2 && named * 2 >= cells.len() && !data_like
}

/// Rows of one cell per line, blank lines between rows; the header row is short words
/// of which at least two are header words, and every body row has as many lines.
fn plain_tables(text: &str, lines: &[Range]) -> Vec<Table> {
    let mut blocks: Vec<Vec<Range>> = Vec::new();
    let mut cur: Vec<Range> = Vec::new();
    for &l in lines {
        if l.0 == l.1 {
            if !cur.is_empty() {
                blocks.push(std::mem::take(&mut cur));
            }
        } else {
            cur.push(l);
        }
    }
    if !cur.is_empty() {
        blocks.push(cur);
    }
    let mut out = Vec::new();
    let mut b = 0;
    while b < blocks.len() {
        let Some(block) = blocks.get(b) else { break };
        // The header: the block's leading short lines naming columns.
        let is_head_line = |l: &Range| {
            let s = slice(text, *l);
            s.chars().count() <= 10 && !s.contains('|')
        };
        let n = block.iter().take_while(|l| is_head_line(l)).count().min(8);
        let head: Vec<Range> = block.get(..n).unwrap_or(&[]).to_vec();
        let keywords = head
            .iter()
            .filter(|l| HEADER_WORDS.iter().any(|w| slice(text, **l).contains(w)))
            .count();
        // Every header line names a column (a short data cell would lengthen the cycle).
        if n < 3 || keywords < 2 || keywords + 1 < n {
            b += 1;
            continue;
        }
        // Rows follow as blocks of n lines, or, without blank lines between rows, as
        // the rest of the same block (and following blocks) cut every n lines: the
        // header's cycle.
        let mut rows: Vec<Vec<Range>> = Vec::new();
        let rest = block.get(n..).unwrap_or(&[]);
        rows.extend(rest.chunks_exact(n).map(<[Range]>::to_vec));
        let mut k = b + 1;
        if rest.len() % n == 0 {
            while let Some(next) = blocks.get(k).filter(|r| !r.is_empty() && r.len() % n == 0) {
                rows.extend(next.chunks_exact(n).map(<[Range]>::to_vec));
                k += 1;
            }
        }
        let head = &head;
        if rows.is_empty() {
            b += 1;
            continue;
        }
        let end = rows.last().and_then(|r| r.last()).map_or(0, |l| l.1);
        out.push(table(
            text,
            head.clone(),
            rows,
            (head.first().map_or(0, |l| l.0), end),
        ));
        b = k;
    }
    out
}

fn table(text: &str, header: Vec<Range>, mut rows: Vec<Vec<Range>>, span: Range) -> Table {
    let roles = header.iter().map(|h| role_of(slice(text, *h))).collect();
    // A numbered row broken over two lines (a cell held a line break) comes as two short
    // rows whose cells add up to at most the header's. (A short row that does not start
    // with its number continues a `rowspan` instead, below.)
    let numbered = |row: &Vec<Range>| {
        row.first().is_some_and(|c| {
            let s = slice(text, *c);
            !s.is_empty() && s.chars().all(|ch| ch.is_ascii_digit())
        })
    };
    if !header.is_empty() {
        let mut merged: Vec<Vec<Range>> = Vec::with_capacity(rows.len());
        for row in rows {
            match merged.last_mut() {
                Some(prev)
                    if numbered(prev)
                        && !numbered(&row)
                        && prev.len() < header.len()
                        && row.len() < header.len()
                        && prev.len() + row.len() <= header.len() + 1 =>
                {
                    // One more cell than the header: the break was inside a cell.
                    let inside = prev.len() + row.len() > header.len();
                    let mut rest = row.into_iter();
                    if inside && let (Some(last), Some(first)) = (prev.last_mut(), rest.next()) {
                        last.1 = first.1;
                    }
                    prev.extend(rest);
                }
                _ => merged.push(row),
            }
        }
        rows = merged;
    }
    // Rows of one cell are titles or section labels (`内嵌SDK名单`), not data.
    rows.retain(|cells| cells.iter().filter(|c| c.1 > c.0).count() >= 2);
    // A row shorter than the header lost its leading cells to a `rowspan` above (HTML
    // flattened to text, or pasted): its cells belong to the rightmost columns. A row that
    // starts with its number lost cells at its end instead.
    // A row whose line ends in a pipe the header's does not end in continued its last
    // cell on the next line: its cells are the leftmost ones.
    let ends_in_pipe = |cells: &[Range]| {
        cells.last().is_some_and(|c| {
            let rest = text.get(c.1..).unwrap_or("");
            let line_rest = rest.split('\n').next().unwrap_or("");
            line_rest.trim() == "|"
        })
    };
    let header_pipe = ends_in_pipe(&header);
    for row in &mut rows {
        if row.len() < header.len() && !numbered(row) && (header_pipe || !ends_in_pipe(row)) {
            let at = row.first().map_or(0, |c| c.0);
            let missing = header.len() - row.len();
            row.splice(0..0, std::iter::repeat_n((at, at), missing));
        }
    }
    Table {
        header,
        rows,
        roles,
        span,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_markdown_and_plain_tables() {
        let md = "前言\n设备权限|业务功能|权限授权方式|可否关闭|\n---|---|---|---|\n位置|发帖|首次|是|\n通知|发送消息|首次|是|\n后文";
        let t = find(md);
        assert_eq!(t.len(), 1);
        assert_eq!(
            t[0].roles,
            [Role::Permissions, Role::Purpose, Role::Other, Role::Other]
        );
        assert_eq!(t[0].rows.len(), 2);
        assert_eq!(slice(md, t[0].rows[1][0]), "通知");

        let plain = "\n业务功能\n对应权限\n使用目的\n\n数据采集\n读取联系人\n更新\n\n地图\n定位\n搜索\n\n结束语很长的一句话\n";
        let t = find(plain);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].rows.len(), 2);
        assert_eq!(slice(plain, t[0].rows[0][1]), "读取联系人");
    }

    #[test]
    fn header_roles() {
        assert_eq!(role_of("sdk名称"), Role::Name);
        assert_eq!(role_of("第三方名称"), Role::Vendor);
        assert_eq!(role_of("收集个人信息类型"), Role::DataTypes);
        assert_eq!(role_of("使用目的"), Role::Purpose);
        assert_eq!(role_of("隐私政策链接"), Role::Link);
        assert_eq!(role_of("权限授权方式"), Role::Other);
    }
}
