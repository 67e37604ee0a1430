<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>In force</source>
        <translation>生效</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Lifted</source>
        <translation>解除</translation>
    </message>
    <message>
        <source>Needs verifying</source>
        <translation>待核实</translation>
    </message>
    <message>
        <source>Announced</source>
        <translation>已公布</translation>
    </message>
    <message>
        <source>Not in force</source>
        <translation>未生效</translation>
    </message>
    <message>
        <source>List</source>
        <translation>名单</translation>
    </message>
    <message>
        <source>Announcement</source>
        <translation>公告</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Companies</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>element</source>
        <translation>元素</translation>
    </message>
    <message>
        <source>Element</source>
        <translation>元素</translation>
    </message>
    <message>
        <source>Element restrictions</source>
        <translation>元素管制</translation>
    </message>
    <message>
        <source>reserve row</source>
        <translation>储量行</translation>
    </message>
    <message>
        <source>Reserve</source>
        <translation>储量</translation>
    </message>
    <message>
        <source>Reserves</source>
        <translation>储量</translation>
    </message>
    <message>
        <source>Export control list</source>
        <translation>出口管制管控名单</translation>
    </message>
    <message>
        <source>Unreliable Entity List</source>
        <translation>不可靠实体清单</translation>
    </message>
    <message>
        <source>The 28 of April 2025 (Nos. 21 and 22)</source>
        <translation>2025年4月的28家实体（第21号、第22号公告）</translation>
    </message>
    <message>
        <source>Export control</source>
        <translation>出口管制</translation>
    </message>
    <message>
        <source>US military users and uses (No. 46 of 2024, clause 1)</source>
        <translation>美国军事用户和军事用途（2024年第46号公告第一条）</translation>
    </message>
    <message>
        <source>Exports to the US (No. 46 of 2024, clause 2)</source>
        <translation>对美国出口（2024年第46号公告第二条）</translation>
    </message>
    <message>
        <source>Rare earth</source>
        <translation>稀土</translation>
    </message>
    <message>
        <source>Other mineral</source>
        <translation>其他矿产</translation>
    </message>
    <message>
        <source>Changed (outcome unconfirmed)</source>
        <translation>有变动（结果未证实）</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>t REO</source>
        <translation>吨 REO</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>可信度</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Chinese name</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <source>Other names</source>
        <translation>其他名称</translation>
    </message>
    <message>
        <source>other spellings and short names, separated by ;</source>
        <translation>其他拼写和简称，以 ; 分隔</translation>
    </message>
    <message>
        <source>Name confidence</source>
        <translation>名称可信度</translation>
    </message>
    <message>
        <source>Listed</source>
        <translation>列入日期</translation>
    </message>
    <message>
        <source>In force from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>In force at (time)</source>
        <translation>生效时刻</translation>
    </message>
    <message>
        <source>time of day, where a source gives one, e.g. 12:01 (midday)</source>
        <translation>来源给出的具体时刻，例如 12:01（中午）</translation>
    </message>
    <message>
        <source>UEL entry</source>
        <translation>不可靠实体清单条目</translation>
    </message>
    <message>
        <source>UEL date</source>
        <translation>列入不可靠实体清单日期</translation>
    </message>
    <message>
        <source>UEL in force from</source>
        <translation>不可靠实体清单措施生效日期</translation>
    </message>
    <message>
        <source>UEL in force at (time)</source>
        <translation>不可靠实体清单措施生效时刻</translation>
    </message>
    <message>
        <source>time of day, where a source gives one</source>
        <translation>来源给出的具体时刻</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>符号</translation>
    </message>
    <message>
        <source>Z</source>
        <translation>Z</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>发布日期</translation>
    </message>
    <message>
        <source>Effective</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>Control code</source>
        <translation>管控编码</translation>
    </message>
    <message>
        <source>Code confirmed</source>
        <translation>编码已证实</translation>
    </message>
    <message>
        <source>Items covered</source>
        <translation>管制物项</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>metric tons, e.g. 21000000 or 21 Mt</source>
        <translation>公吨，例如 21000000 或 21 Mt</translation>
    </message>
    <message>
        <source>Mine production (data year)</source>
        <translation>矿山产量（数据年份）</translation>
    </message>
    <message>
        <source>metric tons in the source&apos;s data year; empty for NA, 0 for &apos;–&apos;</source>
        <translation>来源数据年份的公吨数；无数据（NA）留空，“–”填 0</translation>
    </message>
    <message>
        <source>Mine production (year before)</source>
        <translation>矿山产量（上一年）</translation>
    </message>
    <message>
        <source>metric tons in the year before the source&apos;s data year; empty for NA, 0 for &apos;–&apos;</source>
        <translation>来源数据年份前一年的公吨数；无数据（NA）留空，“–”填 0</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>措施</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>End date confirmed</source>
        <translation>截止日期已证实</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>网址</translation>
    </message>
    <message>
        <source>Sources (one per line: title | URL | confidence)</source>
        <translation>来源（每行一条：标题 | 网址 | 可信度）</translation>
    </message>
    <message>
        <source>China&apos;s share (one per line: ~percent | basis | year | confidence | source title | source URL)</source>
        <translation>中国占比（每行一条：~百分比 | 口径 | 年份 | 可信度 | 来源标题 | 来源网址）</translation>
    </message>
    <message>
        <source>Info message</source>
        <translation>提示信息</translation>
    </message>
    <message>
        <source>Warning message</source>
        <translation>警告信息</translation>
    </message>
    <message>
        <source>Error message</source>
        <translation>错误信息</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>On</source>
        <translation>所在名单</translation>
    </message>
    <message>
        <source>Also known as</source>
        <translation>又名</translation>
    </message>
    <message>
        <source>{code} (unconfirmed)</source>
        <translation>{code}（未证实）</translation>
    </message>
    <message>
        <source>China&apos;s share</source>
        <translation>中国占比</translation>
    </message>
    <message>
        <source>{percent} of {basis}{year} [{confidence}], {source}</source>
        <translation>占{basis}{year}的 {percent} [{confidence}]，{source}</translation>
    </message>
    <message>
        <source>{announcement}, issued {date}</source>
        <translation>{announcement}，{date} 发布</translation>
    </message>
    <message>
        <source>until {date}</source>
        <translation>至 {date}</translation>
    </message>
    <message>
        <source>until {date} (unconfirmed)</source>
        <translation>至 {date}（未证实）</translation>
    </message>
    <message>
        <source>Includes your local edits: you added this record.</source>
        <translation>含本地修改：此记录由您添加。</translation>
    </message>
    <message>
        <source>Includes your local edits: you changed {fields}.</source>
        <translation>含本地修改：您修改了{fields}。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>No local edits: the bundled data as published.</source>
        <translation>无本地修改：即发布时的内置数据。</translation>
    </message>
    <message>
        <source>{app} brief · company · status on </source>
        <translation>{app} 简报 · 公司 · 状态日期 </translation>
    </message>
    <message>
        <source>{app} brief · element · status on </source>
        <translation>{app} 简报 · 元素 · 状态日期 </translation>
    </message>
    <message>
        <source>Facts</source>
        <translation>要点</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>No dated events.</source>
        <translation>无带日期的事件。</translation>
    </message>
    <message>
        <source>Sources (confidence: {marks})</source>
        <translation>来源（可信度：{marks}）</translation>
    </message>
    <message>
        <source>No source recorded.</source>
        <translation>未记录来源。</translation>
    </message>
    <message>
        <source>Dataset {version}, data as of {as_of}; statuses computed for {on}. </source>
        <translation>数据集 {version}，数据截至 {as_of}；状态按 {on} 计算。</translation>
    </message>
    <message>
        <source>Made {made} with {app} {app_version}, an offline reference; check the sources before relying on it.</source>
        <translation>{made} 由 {app} {app_version}（离线参考工具）生成；引用前请核对来源。</translation>
    </message>
    <message>
        <source>{app} brief</source>
        <translation>{app} 简报</translation>
    </message>
    <message>
        <source>Print brief</source>
        <translation>打印简报</translation>
    </message>
    <message>
        <source>Save brief as PDF</source>
        <translation>将简报另存为 PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Brief: {name}</source>
        <translation>简报：{name}</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>另存为 PDF(&amp;D)…</translation>
    </message>
    <message>
        <source>Printing is not part of this build: save as PDF and print the PDF.</source>
        <translation>此版本不含打印功能：请另存为 PDF 后打印该 PDF。</translation>
    </message>
    <message>
        <source>The brief was not saved: {reason}</source>
        <translation>简报未保存：{reason}</translation>
    </message>
    <message>
        <source>Brief saved as {path}</source>
        <translation>简报已保存为 {path}</translation>
    </message>
    <message>
        <source>A brief is of a company or an element: select one first.</source>
        <translation>简报针对公司或元素：请先选择一项。</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>(whole record)</source>
        <translation>（整条记录）</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Bundled value</source>
        <translation>内置值</translation>
    </message>
    <message>
        <source>Your value</source>
        <translation>您的值</translation>
    </message>
    <message>
        <source>added</source>
        <translation>已添加</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>已修改</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>My changes</source>
        <translation>我的修改</translation>
    </message>
    <message>
        <source>Revert selected</source>
        <translation>还原所选</translation>
    </message>
    <message>
        <source>Keep mine (resolve conflict)</source>
        <translation>保留我的值（解决冲突）</translation>
    </message>
    <message>
        <source>conflict: bundled now {value}</source>
        <translation>冲突：内置数据现为 {value}</translation>
    </message>
    <message>
        <source>no longer bundled</source>
        <translation>已不在内置数据中</translation>
    </message>
    <message>
        <source>(not in bundled data)</source>
        <translation>（不在内置数据中）</translation>
    </message>
    <message>
        <source>(deleted)</source>
        <translation>（已删除）</translation>
    </message>
    <message>
        <source>{n} change</source>
        <translation>{n} 处修改</translation>
    </message>
    <message>
        <source>{n} changes</source>
        <translation>{n} 处修改</translation>
    </message>
    <message>
        <source>{changes}, {n} in conflict with the bundled data</source>
        <translation>{changes}，其中 {n} 处与内置数据冲突</translation>
    </message>
    <message>
        <source>{changes}. Reverting is undoable (Edit &gt; Undo).</source>
        <translation>{changes}。还原操作可撤销（编辑 &gt; 撤销）。</translation>
    </message>
    <message>
        <source>{date} (unconf.)</source>
        <translation>{date}（未证实）</translation>
    </message>
    <message>
        <source>End date not confirmed by a source</source>
        <translation>截止日期未经来源证实</translation>
    </message>
    <message>
        <source>Ends within 30 days of the status date: {left}</source>
        <translation>自状态日期起 30 天内到期：{left}</translation>
    </message>
    <message>
        <source>Also: {names}</source>
        <translation>又名：{names}</translation>
    </message>
    <message>
        <source>Spelling confidence {confidence}</source>
        <translation>拼写可信度：{confidence}</translation>
    </message>
    <message>
        <source>On: {lists}</source>
        <translation>所在名单：{lists}</translation>
    </message>
    <message>
        <source>One of the 28 of April 2025. {on}</source>
        <translation>2025年4月28家实体之一。{on}</translation>
    </message>
    <message>
        <source>On the Unreliable Entity List only (no export control listing)</source>
        <translation>仅列入不可靠实体清单（未列入出口管制管控名单）</translation>
    </message>
    <message>
        <source>Not on the Unreliable Entity List</source>
        <translation>未列入不可靠实体清单</translation>
    </message>
    <message>
        <source>Unreliable Entity List: {announcement}</source>
        <translation>不可靠实体清单：{announcement}</translation>
    </message>
    <message>
        <source>Export control list: status on the status date</source>
        <translation>出口管制管控名单：状态日期当日的状态</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>When the export control status ends (a suspension&apos;s last day)</source>
        <translation>出口管制状态何时结束（暂停的最后一天）</translation>
    </message>
    <message>
        <source>Unreliable Entity List: status on the status date</source>
        <translation>不可靠实体清单：状态日期当日的状态</translation>
    </message>
    <message>
        <source>Status ends</source>
        <translation>状态到期</translation>
    </message>
    <message>
        <source>No. 46 cl. 1: US military</source>
        <translation>第46号第一条：美国军事</translation>
    </message>
    <message>
        <source>No. 46 of 2024, clause 1: no dual-use items to US military users or uses</source>
        <translation>2024年第46号公告第一条：禁止向美国军事用户或军事用途出口两用物项</translation>
    </message>
    <message>
        <source>No. 46 cl. 2: to the US</source>
        <translation>第46号第二条：对美出口</translation>
    </message>
    <message>
        <source>No. 46 of 2024, clause 2: Ga, Ge, Sb and superhard materials to the US &apos;in principle not permitted&apos;; graphite under stricter review</source>
        <translation>2024年第46号公告第二条：镓、锗、锑、超硬材料“原则上不予许可”对美国出口；石墨实施更严格审查</translation>
    </message>
    <message>
        <source>No USGS figure to compare</source>
        <translation>无可对比的 USGS 数据</translation>
    </message>
    <message>
        <source>Matches no USGS edition ({listed})</source>
        <translation>与任何 USGS 版本均不符（{listed}）</translation>
    </message>
    <message>
        <source>Rounded from {names} ({listed})</source>
        <translation>由 {names} 取整而来（{listed}）</translation>
    </message>
    <message>
        <source>Matches {names}</source>
        <translation>与 {names} 一致</translation>
    </message>
    <message>
        <source>USGS figure</source>
        <translation>USGS 数据</translation>
    </message>
    <message>
        <source>NA</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>Reserves (t REO)</source>
        <translation>储量（吨 REO）</translation>
    </message>
    <message>
        <source>metric tons</source>
        <translation>公吨</translation>
    </message>
    <message>
        <source>thousand metric tons</source>
        <translation>千公吨</translation>
    </message>
    <message>
        <source>million metric tons</source>
        <translation>百万公吨</translation>
    </message>
    <message>
        <source>long tons (2,240 lb)</source>
        <translation>长吨（2,240 磅）</translation>
    </message>
    <message>
        <source>short tons (2,000 lb)</source>
        <translation>短吨（2,000 磅）</translation>
    </message>
    <message>
        <source>long tons</source>
        <translation>长吨</translation>
    </message>
    <message>
        <source>reserves</source>
        <translation>储量</translation>
    </message>
    <message>
        <source>mine production {year}</source>
        <translation>{year} 年矿山产量</translation>
    </message>
    <message>
        <source>mine production (data year)</source>
        <translation>矿山产量（数据年份）</translation>
    </message>
    <message>
        <source>mine production (year before)</source>
        <translation>矿山产量（上一年）</translation>
    </message>
    <message>
        <source>short tons</source>
        <translation>短吨</translation>
    </message>
    <message>
        <source>Mine production {year}</source>
        <translation>{year} 年矿山产量</translation>
    </message>
    <message>
        <source>Production {year} (t)</source>
        <translation>{year} 年产量（吨）</translation>
    </message>
    <message>
        <source>Production, data year (t)</source>
        <translation>产量，数据年份（吨）</translation>
    </message>
    <message>
        <source>Production, year before (t)</source>
        <translation>产量，上一年（吨）</translation>
    </message>
    <message>
        <source>Local edit: a row you added</source>
        <translation>本地修改：您添加的行</translation>
    </message>
    <message>
        <source>Local edit: your figure (bundled: {bundled})</source>
        <translation>本地修改：您的数字（内置：{bundled}）</translation>
    </message>
    <message>
        <source>Local edit: you changed {fields}</source>
        <translation>本地修改：您修改了 {fields}</translation>
    </message>
    <message>
        <source>{exact} ({tons:,} metric tons)</source>
        <translation>{exact}（{tons:,} 公吨）</translation>
    </message>
    <message>
        <source>{first} and {last}</source>
        <translation>{first}和{last}</translation>
    </message>
    <message>
        <source>{what}, {unit} of rare-earth oxide (REO) equivalent</source>
        <translation>{what}，单位：{unit}稀土氧化物（REO）当量</translation>
    </message>
    <message>
        <source>{axis} (log scale)</source>
        <translation>{axis}（对数刻度）</translation>
    </message>
    <message>
        <source>{country}: not listed in {source}</source>
        <translation>{country}：{source} 未列出</translation>
    </message>
    <message>
        <source>{what}: NA (not available in this source; not zero)</source>
        <translation>{what}：无数据（该来源未提供；不是零）</translation>
    </message>
    <message>
        <source>{what}: {value}</source>
        <translation>{what}：{value}</translation>
    </message>
    <message>
        <source>Share of the world total ({total}): {share} (the total is a lower bound, so the share is at most this)</source>
        <translation>占全球总量（{total}）的比例：{share}（总量为下限，故比例至多为此值）</translation>
    </message>
    <message>
        <source>Share of the world total ({total}): {share}</source>
        <translation>占全球总量（{total}）的比例：{share}</translation>
    </message>
    <message>
        <source>Share of the world total: none (this source gives no world total)</source>
        <translation>占全球总量的比例：无（该来源未给出全球总量）</translation>
    </message>
    <message>
        <source>No local edit: the bundled figure</source>
        <translation>无本地修改：内置数字</translation>
    </message>
    <message>
        <source>Source: {title} (confidence {confidence})</source>
        <translation>来源：{title}（可信度 {confidence}）</translation>
    </message>
    <message>
        <source>{country} left out ({shown}).</source>
        <translation>{country} 未显示（{shown}）。</translation>
    </message>
    <message>
        <source>{source}: no figure (NA), not charted: {countries}.</source>
        <translation>{source}：无数据（NA），未绘入图表：{countries}。</translation>
    </message>
    <message>
        <source>{source}: no figure (NA): {countries}.</source>
        <translation>{source}：无数据（NA）：{countries}。</translation>
    </message>
    <message>
        <source>{source} lists only {countries}.</source>
        <translation>{source} 仅列出 {countries}。</translation>
    </message>
    <message>
        <source>{source} lists none of them.</source>
        <translation>{source} 未列出其中任何国家。</translation>
    </message>
    <message>
        <source>{source} gives no world total: no shares.</source>
        <translation>{source} 未给出全球总量：无比例。</translation>
    </message>
    <message>
        <source>{source} gives the world total only as {total}: each share of it is an upper bound (&apos;&lt;&apos;).</source>
        <translation>{source} 仅给出全球总量 {total}：各比例均为上限（“&lt;”）。</translation>
    </message>
    <message>
        <source>Zero has no bar on a log scale: {bars}.</source>
        <translation>对数刻度下零值不显示条形：{bars}。</translation>
    </message>
    <message>
        <source>Each source gives production for its own data year (in brackets in the legend).</source>
        <translation>各来源给出的是其各自数据年份的产量（见图例括号内）。</translation>
    </message>
    <message>
        <source>Rare-earth {what} by country: {sources}</source>
        <translation>各国稀土{what}：{sources}</translation>
    </message>
    <message>
        <source>not listed</source>
        <translation>未列出</translation>
    </message>
    <message>
        <source>more than {total}</source>
        <translation>超过 {total}</translation>
    </message>
    <message>
        <source>{total} (rounded)</source>
        <translation>{total}（取整）</translation>
    </message>
    <message>
        <source>Against USGS</source>
        <translation>与 USGS 对比</translation>
    </message>
    <message>
        <source>Not changed: your data is open read-only. {reason}</source>
        <translation>未修改：您的数据以只读方式打开。{reason}</translation>
    </message>
    <message>
        <source>Not changed: {reason}</source>
        <translation>未修改：{reason}</translation>
    </message>
    <message>
        <source>Edit {field} of {record}</source>
        <translation>编辑 {record} 的{field}</translation>
    </message>
    <message>
        <source>Edit {record}</source>
        <translation>编辑 {record}</translation>
    </message>
    <message>
        <source>Add {noun} {record}</source>
        <translation>添加{noun} {record}</translation>
    </message>
    <message>
        <source>Delete {noun} {record}</source>
        <translation>删除{noun} {record}</translation>
    </message>
    <message>
        <source>Revert {field} of {record}</source>
        <translation>还原 {record} 的{field}</translation>
    </message>
    <message>
        <source>Revert {record} to bundled</source>
        <translation>将 {record} 还原为内置数据</translation>
    </message>
    <message>
        <source>Keep my {field} of {record}</source>
        <translation>保留我对 {record} 的{field}</translation>
    </message>
    <message>
        <source>no backup could be made first, so nothing was reset ({reason})</source>
        <translation>无法先行备份，因此未重置任何内容（{reason}）</translation>
    </message>
    <message>
        <source>Reset all data to bundled</source>
        <translation>将全部数据重置为内置数据</translation>
    </message>
    <message>
        <source>your data is open read-only</source>
        <translation>您的数据以只读方式打开</translation>
    </message>
    <message>
        <source>Not restored: {reason}</source>
        <translation>未恢复：{reason}</translation>
    </message>
    <message>
        <source>Restored, but {n} record(s) of the backup could not be used: {which}</source>
        <translation>已恢复，但备份中有 {n} 条记录无法使用：{which}</translation>
    </message>
    <message>
        <source>Source: {app}, dataset {version} (data as of {as_of}); statuses on {on}</source>
        <translation>来源：{app}，数据集 {version}（数据截至 {as_of}）；状态日期 {on}</translation>
    </message>
    <message>
        <source>{line}; includes your local edits</source>
        <translation>{line}；含您的本地修改</translation>
    </message>
    <message>
        <source>{sentence}.</source>
        <translation>{sentence}。</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>YYYY-MM-DD, or empty for none</source>
        <translation>YYYY-MM-DD，无则留空</translation>
    </message>
    <message>
        <source>{label}: type or paste a date as YYYY-MM-DD, or pick one from the calendar</source>
        <translation>{label}：以 YYYY-MM-DD 格式输入或粘贴日期，或从日历中选择</translation>
    </message>
    <message>
        <source>{label}: type or paste a date as YYYY-MM-DD, or leave it empty, or pick one from the calendar</source>
        <translation>{label}：以 YYYY-MM-DD 格式输入或粘贴日期，或留空，或从日历中选择</translation>
    </message>
    <message>
        <source>Pick a date</source>
        <translation>选择日期</translation>
    </message>
    <message>
        <source>Pick a date from a calendar</source>
        <translation>从日历中选择日期</translation>
    </message>
    <message>
        <source>Samarium</source>
        <translation>钐</translation>
    </message>
    <message>
        <source>Gadolinium</source>
        <translation>钆</translation>
    </message>
    <message>
        <source>Terbium</source>
        <translation>铽</translation>
    </message>
    <message>
        <source>Dysprosium</source>
        <translation>镝</translation>
    </message>
    <message>
        <source>Lutetium</source>
        <translation>镥</translation>
    </message>
    <message>
        <source>Scandium</source>
        <translation>钪</translation>
    </message>
    <message>
        <source>Yttrium</source>
        <translation>钇</translation>
    </message>
    <message>
        <source>Holmium</source>
        <translation>钬</translation>
    </message>
    <message>
        <source>Erbium</source>
        <translation>铒</translation>
    </message>
    <message>
        <source>Thulium</source>
        <translation>铥</translation>
    </message>
    <message>
        <source>Europium</source>
        <translation>铕</translation>
    </message>
    <message>
        <source>Ytterbium</source>
        <translation>镱</translation>
    </message>
    <message>
        <source>Gallium</source>
        <translation>镓</translation>
    </message>
    <message>
        <source>Germanium</source>
        <translation>锗</translation>
    </message>
    <message>
        <source>Graphite</source>
        <translation>石墨</translation>
    </message>
    <message>
        <source>Antimony</source>
        <translation>锑</translation>
    </message>
    <message>
        <source>Tungsten</source>
        <translation>钨</translation>
    </message>
    <message>
        <source>Tellurium</source>
        <translation>碲</translation>
    </message>
    <message>
        <source>Bismuth</source>
        <translation>铋</translation>
    </message>
    <message>
        <source>Molybdenum</source>
        <translation>钼</translation>
    </message>
    <message>
        <source>Indium</source>
        <translation>铟</translation>
    </message>
    <message>
        <source>{status} (end date unconfirmed)</source>
        <translation>{status}（截止日期未证实）</translation>
    </message>
    <message>
        <source>(end date unconfirmed)</source>
        <translation>（截止日期未证实）</translation>
    </message>
    <message>
        <source>{measure}: </source>
        <translation>{measure}：</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>{text}; no separate in-force date recorded (taken as the issue date)</source>
        <translation>{text}；未单独记录生效日期（按发布日期计）</translation>
    </message>
    <message>
        <source>{text}, in force from {date} at {time}</source>
        <translation>{text}，{date} {time} 起生效</translation>
    </message>
    <message>
        <source>{text}, in force from {date}</source>
        <translation>{text}，{date} 起生效</translation>
    </message>
    <message>
        <source>{text}, in force the same day at {time}</source>
        <translation>{text}，当日 {time} 起生效</translation>
    </message>
    <message>
        <source>{text}, in force the same day</source>
        <translation>{text}，当日生效</translation>
    </message>
    <message>
        <source>Export control list:</source>
        <translation>出口管制管控名单：</translation>
    </message>
    <message>
        <source>Unreliable Entity List:</source>
        <translation>不可靠实体清单：</translation>
    </message>
    <message>
        <source>Also known as:</source>
        <translation>又名：</translation>
    </message>
    <message>
        <source>{measure} on {date}:</source>
        <translation>{measure}（{date}）：</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>(unconfirmed, inferred from the sequence)</source>
        <translation>（未证实，按编号顺序推断）</translation>
    </message>
    <message>
        <source>China&apos;s share of world production</source>
        <translation>中国占全球产量的比例</translation>
    </message>
    <message>
        <source>Group:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <source>Announcement:</source>
        <translation>公告：</translation>
    </message>
    <message>
        <source>Issued:</source>
        <translation>发布日期：</translation>
    </message>
    <message>
        <source>Effective:</source>
        <translation>生效日期：</translation>
    </message>
    <message>
        <source>Control code:</source>
        <translation>管控编码：</translation>
    </message>
    <message>
        <source>Status on {date}:</source>
        <translation>{date} 的状态：</translation>
    </message>
    <message>
        <source>Items covered:</source>
        <translation>管制物项：</translation>
    </message>
    <message>
        <source>About {app}</source>
        <translation>关于 {app}</translation>
    </message>
    <message>
        <source>Offline reference for China&apos;s 2025 export controls.</source>
        <translation>中国2025年出口管制措施离线参考工具。</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>{version}, as of {as_of}</source>
        <translation>{version}，截至 {as_of}</translation>
    </message>
    <message>
        <source>Your data folder</source>
        <translation>您的数据文件夹</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>许可证</translation>
    </message>
    <message>
        <source>Sources: MOFCOM announcements as reported by Xinhua, People&apos;s Daily, CRI and others; USGS Mineral Commodity Summaries; every record lists its own sources and confidence.</source>
        <translation>来源：新华社、人民日报、国际在线（CRI）等报道的商务部公告；美国地质调查局（USGS）《矿产品概要》；每条记录均列出其来源和可信度。</translation>
    </message>
    <message>
        <source>Open data folder</source>
        <translation>打开数据文件夹</translation>
    </message>
    <message>
        <source>You have no changes to reset.</source>
        <translation>您没有需要重置的修改。</translation>
    </message>
    <message>
        <source>Discard all your changes ({count} record) and go back to the bundled data? A backup is made first, and Edit &gt; Undo brings them back.</source>
        <translation>放弃您的全部修改（{count} 条记录）并恢复为内置数据吗？操作前会先备份，“编辑 &gt; 撤销”可找回。</translation>
    </message>
    <message>
        <source>Discard all your changes ({count} records) and go back to the bundled data? A backup is made first, and Edit &gt; Undo brings them back.</source>
        <translation>放弃您的全部修改（{count} 条记录）并恢复为内置数据吗？操作前会先备份，“编辑 &gt; 撤销”可找回。</translation>
    </message>
    <message>
        <source>There are no backups yet. Curbwatch makes one at most every ten minutes while you edit, and before every merge, reset or restore.</source>
        <translation>尚无备份。编辑期间 Curbwatch 最多每十分钟备份一次，并在每次合并、重置或恢复之前备份。</translation>
    </message>
    <message>
        <source>Restored the backup of {when}</source>
        <translation>已恢复 {when} 的备份</translation>
    </message>
    <message>
        <source>The data folder {folder} cannot be opened: {reason}.</source>
        <translation>无法打开数据文件夹 {folder}：{reason}。</translation>
    </message>
    <message>
        <source>No file manager could be opened. Your data folder is {folder}</source>
        <translation>无法打开文件管理器。您的数据文件夹是 {folder}</translation>
    </message>
    <message>
        <source>Export CSV to folder</source>
        <translation>导出 CSV 到文件夹</translation>
    </message>
    <message>
        <source>Export failed: {reason}</source>
        <translation>导出失败：{reason}</translation>
    </message>
    <message>
        <source>Exported {count} files to {folder}</source>
        <translation>已导出 {count} 个文件到 {folder}</translation>
    </message>
    <message>
        <source>Whole metric tons of rare-earth oxide; you may type t, kt or Mt</source>
        <translation>稀土氧化物的整公吨数；可输入 t、kt 或 Mt</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>未保存：{reason}</translation>
    </message>
    <message>
        <source>Timeline events of the selected {noun}</source>
        <translation>所选{noun}的时间线事件</translation>
    </message>
    <message>
        <source>&amp;Add event…</source>
        <translation>添加事件(&amp;A)…</translation>
    </message>
    <message>
        <source>Ed&amp;it event…</source>
        <translation>编辑事件(&amp;I)…</translation>
    </message>
    <message>
        <source>Delete e&amp;vent</source>
        <translation>删除事件(&amp;V)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Timeline events&lt;/b&gt;</source>
        <translation>&lt;b&gt;时间线事件&lt;/b&gt;</translation>
    </message>
    <message>
        <source>“Until” is the last day of a suspension; leave it empty for other events.</source>
        <translation>“截止日期”是暂停的最后一天；其他事件请留空。</translation>
    </message>
    <message>
        <source>Add event to {record}</source>
        <translation>为 {record} 添加事件</translation>
    </message>
    <message>
        <source>Add event {date} to {record}</source>
        <translation>为 {record} 添加 {date} 的事件</translation>
    </message>
    <message>
        <source>Edit event of {record}</source>
        <translation>编辑 {record} 的事件</translation>
    </message>
    <message>
        <source>Edit event {date} of {record}</source>
        <translation>编辑 {record} 在 {date} 的事件</translation>
    </message>
    <message>
        <source>Delete event {date} of {record}</source>
        <translation>删除 {record} 在 {date} 的事件</translation>
    </message>
    <message>
        <source>CSV, UTF-8 (*.csv)</source>
        <translation>CSV 文件，UTF-8 编码 (*.csv)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Export current view: {title}</source>
        <translation>导出当前视图：{title}</translation>
    </message>
    <message>
        <source>Not exported: {reason}</source>
        <translation>未导出：{reason}</translation>
    </message>
    <message>
        <source>Exported {shown} of {total} rows of {title} to {path}</source>
        <translation>已将{title}的 {total} 行中的 {shown} 行导出到 {path}</translation>
    </message>
    <message>
        <source>Exported all {total} rows of {title} to {path}</source>
        <translation>已将{title}的全部 {total} 行导出到 {path}</translation>
    </message>
    <message>
        <source>Filter by list</source>
        <translation>按名单筛选</translation>
    </message>
    <message>
        <source>Filter by announcement</source>
        <translation>按公告筛选</translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation>按状态筛选</translation>
    </message>
    <message>
        <source>Filter by group</source>
        <translation>按类别筛选</translation>
    </message>
    <message>
        <source>Filter by {facet}</source>
        <translation>按{facet}筛选</translation>
    </message>
    <message>
        <source>{facet}: all</source>
        <translation>{facet}：全部</translation>
    </message>
    <message>
        <source>{value} ({count})</source>
        <translation>{value}（{count}）</translation>
    </message>
    <message>
        <source>Alias</source>
        <translation>别名</translation>
    </message>
    <message>
        <source>UEL announcement</source>
        <translation>不可靠实体清单公告</translation>
    </message>
    <message>
        <source>Timeline {date}</source>
        <translation>时间线 {date}</translation>
    </message>
    <message>
        <source>Search everything: names, aliases, announcements, items, notes, timelines (Ctrl+F)</source>
        <translation>全局搜索：名称、别名、公告、物项、备注、时间线（Ctrl+F）</translation>
    </message>
    <message>
        <source>Search everything</source>
        <translation>全局搜索</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <source>{kind} · score {score}</source>
        <translation>{kind} · 匹配度 {score}</translation>
    </message>
    <message>
        <source>{field}: </source>
        <translation>{field}：</translation>
    </message>
    <message>
        <source>Matched in {fields}</source>
        <translation>匹配字段：{fields}</translation>
    </message>
    <message>
        <source>0 results for “{query}”: nothing matches every word</source>
        <translation>“{query}”无结果：没有同时匹配所有词的记录</translation>
    </message>
    <message>
        <source>{n} result for “{query}”</source>
        <translation>“{query}”有 {n} 条结果</translation>
    </message>
    <message>
        <source>{n} results for “{query}”</source>
        <translation>“{query}”有 {n} 条结果</translation>
    </message>
    <message>
        <source>{summary} (best 50 shown)</source>
        <translation>{summary}（显示最佳 50 条）</translation>
    </message>
    <message>
        <source>Arrows, Home, End, PgUp, PgDown</source>
        <translation>方向键、Home、End、PgUp、PgDown</translation>
    </message>
    <message>
        <source>Search everything (names, aliases, announcements, items, notes, timelines)</source>
        <translation>全局搜索（名称、别名、公告、物项、备注、时间线）</translation>
    </message>
    <message>
        <source>Screen a list of names</source>
        <translation>筛查名称列表</translation>
    </message>
    <message>
        <source>Clear the search box that has the focus</source>
        <translation>清空当前焦点所在的搜索框</translation>
    </message>
    <message>
        <source>Companies, Element restrictions, Reserves</source>
        <translation>公司、元素管制、储量</translation>
    </message>
    <message>
        <source>Next tab</source>
        <translation>下一个标签页</translation>
    </message>
    <message>
        <source>Previous tab</source>
        <translation>上一个标签页</translation>
    </message>
    <message>
        <source>Move between the search box, the table, the details and the buttons</source>
        <translation>在搜索框、表格、详情和按钮之间移动</translation>
    </message>
    <message>
        <source>Move within a table</source>
        <translation>在表格内移动</translation>
    </message>
    <message>
        <source>Show the selected row&apos;s details (the focus moves to them)</source>
        <translation>显示所选行的详情（焦点移至详情）</translation>
    </message>
    <message>
        <source>Edit the selected cell (Enter commits, Esc cancels)</source>
        <translation>编辑所选单元格（Enter 确认，Esc 取消）</translation>
    </message>
    <message>
        <source>Add a record to the current tab</source>
        <translation>在当前标签页添加记录</translation>
    </message>
    <message>
        <source>Edit the selected record (every field)</source>
        <translation>编辑所选记录（全部字段）</translation>
    </message>
    <message>
        <source>Delete the selected record</source>
        <translation>删除所选记录</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Copy the selected rows (with headers)</source>
        <translation>复制所选行（含表头）</translation>
    </message>
    <message>
        <source>Larger text, smaller text, normal size</source>
        <translation>放大文字、缩小文字、正常大小</translation>
    </message>
    <message>
        <source>About the data</source>
        <translation>关于数据</translation>
    </message>
    <message>
        <source>Quit (your edits are already saved)</source>
        <translation>退出（您的修改已保存）</translation>
    </message>
    <message>
        <source>: </source>
        <translation>：</translation>
    </message>
    <message>
        <source>The export control list</source>
        <translation>出口管制管控名单</translation>
    </message>
    <message>
        <source>China&apos;s Ministry of Commerce (MOFCOM) keeps an Export Control Control List (出口管制管控名单). Exporting dual-use items to a listed entity is prohibited; exports under way must stop; special cases need an application to MOFCOM. Curbwatch covers the US entities listed in 2025: the 28 of Announcements No. 21 and No. 22 (April), and those of No. 13 (March).</source>
        <translation>中国商务部设有出口管制管控名单。禁止向列入名单的实体出口两用物项；正在开展的相关出口活动应当立即停止；特殊情况确需出口的，须向商务部提出申请。Curbwatch 收录 2025 年被列入名单的美国实体：第21号和第22号公告（4月）的28家，以及第13号公告（3月）列入的实体。</translation>
    </message>
    <message>
        <source>The Unreliable Entity List (UEL)</source>
        <translation>不可靠实体清单</translation>
    </message>
    <message>
        <source>A separate list, kept by a working mechanism under MOFCOM. Its measures are a ban on China-related import and export activities and on new investment in China. Some entities are on both lists, under different announcements and dates.</source>
        <translation>另一份独立的清单，由设在商务部的工作机制管理。其措施为禁止从事与中国有关的进出口活动、禁止在中国境内新增投资。部分实体同时列入两份名单，所依据的公告和日期不同。</translation>
    </message>
    <message>
        <source>Suspended, lifted, in force</source>
        <translation>暂停、解除、生效</translation>
    </message>
    <message>
        <source>A suspension stops applying the measures for a period; the entity stays on the list, and exporters still apply to MOFCOM for a licence. Lifted (or ceased) means the measures stopped. Statuses are computed from dated events for the date you choose; when a suspension&apos;s end date has passed and the data holds no later event, Curbwatch says so and asks you to verify rather than guess. A status for a date after the data&apos;s as-of date says so too.</source>
        <translation>暂停是指在一段时间内停止实施相关措施；该实体仍在名单上，出口经营者仍须向商务部申请许可。解除（或停止实施）是指相关措施已终止。状态根据带日期的事件按您所选的日期计算；如果暂停的截止日期已过而数据中没有后续事件，Curbwatch 会如实说明并请您核实，而不做推测。状态日期晚于数据截止日期时，也会注明。</translation>
    </message>
    <message>
        <source>Confidence marks</source>
        <translation>可信度标记</translation>
    </message>
    <message>
        <source>an official text or official-media report, or two independent sources that agree.</source>
        <translation>官方文本或官方媒体报道，或两个相互印证的独立来源。</translation>
    </message>
    <message>
        <source>one reasonably reliable source, or several weaker ones that agree.</source>
        <translation>一个较为可靠的来源，或多个相互印证的较弱来源。</translation>
    </message>
    <message>
        <source>a weak or partly contradictory source.</source>
        <translation>来源较弱或部分相互矛盾。</translation>
    </message>
    <message>
        <source>could not be verified; shown as unconfirmed, never as fact.</source>
        <translation>无法核实；标为未证实，不作为事实呈现。</translation>
    </message>
    <message>
        <source>How current it is</source>
        <translation>数据时效</translation>
    </message>
    <message>
        <source>This is dataset {version}, with facts up to {as_of}. Nothing is fetched from the network: corrections come as a dataset update file, or as your own edits (kept separately, marked in yellow, and listed under Edit &gt; Show my changes).</source>
        <translation>当前为数据集 {version}，收录截至 {as_of} 的事实。本程序不从网络获取任何内容：更正以数据集更新文件的形式提供，或来自您自己的修改（单独保存、以黄色标记，并列于“编辑 &gt; 显示我的修改”）。</translation>
    </message>
    <message>
        <source>What to verify against</source>
        <translation>以何为准</translation>
    </message>
    <message>
        <source>The official announcement is what counts: MOFCOM&apos;s announcements (and the General Administration of Customs&apos; for the element controls), and for reserves the USGS Mineral Commodity Summaries. Every record lists its sources; check the announcement before relying on a status.</source>
        <translation>以官方公告为准：商务部公告（元素管制还包括海关总署的公告），储量以美国地质调查局（USGS）《矿产品概要》为准。每条记录都列有来源；引用任何状态前请核对公告原文。</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>变更记录</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Dataset value</source>
        <translation>数据集中的值</translation>
    </message>
    <message>
        <source>Yours</source>
        <translation>您的值</translation>
    </message>
    <message>
        <source>bundled with this copy of Curbwatch</source>
        <translation>随本版 Curbwatch 内置</translation>
    </message>
    <message>
        <source>The app&apos;s own dataset cannot be read: {reason}</source>
        <translation>无法读取程序自带的数据集：{reason}</translation>
    </message>
    <message>
        <source>Dataset {version} in {path} cannot be read ({reason}).</source>
        <translation>无法读取 {path} 中的数据集 {version}（{reason}）。</translation>
    </message>
    <message>
        <source>imported {when} from {source}, SHA-256 {of} {sha}</source>
        <translation>于 {when} 从 {source} 导入，{of} 的 SHA-256 为 {sha}</translation>
    </message>
    <message>
        <source>bundled with an earlier copy of Curbwatch (kept when an update was imported)</source>
        <translation>随早期版本的 Curbwatch 内置（导入更新时保留）</translation>
    </message>
    <message>
        <source>in use</source>
        <translation>使用中</translation>
    </message>
    <message>
        <source>… and {n} more</source>
        <translation>……另有 {n} 项</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>已更改</translation>
    </message>
    <message>
        <source>New record</source>
        <translation>新记录</translation>
    </message>
    <message>
        <source>No longer in the dataset</source>
        <translation>已不在数据集中</translation>
    </message>
    <message>
        <source>(not in the dataset)</source>
        <translation>（不在数据集中）</translation>
    </message>
    <message>
        <source>added by you</source>
        <translation>由您添加</translation>
    </message>
    <message>
        <source>(in the dataset)</source>
        <translation>（在数据集中）</translation>
    </message>
    <message>
        <source>deleted by you</source>
        <translation>由您删除</translation>
    </message>
    <message>
        <source>conflict: the dataset now says {value}</source>
        <translation>冲突：数据集现为 {value}</translation>
    </message>
    <message>
        <source>no longer in the dataset</source>
        <translation>已不在数据集中</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>未知</translation>
    </message>
    <message>
        <source> (as of {as_of}): {origin}</source>
        <translation>（截至 {as_of}）：{origin}</translation>
    </message>
    <message>
        <source> · in use</source>
        <translation> · 使用中</translation>
    </message>
    <message>
        <source>Dataset versions you have had</source>
        <translation>您用过的数据集版本</translation>
    </message>
    <message>
        <source>No differences.</source>
        <translation>无差异。</translation>
    </message>
    <message>
        <source>Only one dataset version so far: an imported update (File &gt; Import dataset update…) or an app upgrade with newer data will be compared here.</source>
        <translation>目前只有一个数据集版本：导入的更新（文件 &gt; 导入数据集更新…）或带有较新数据的程序升级将在此对比。</translation>
    </message>
    <message>
        <source>Your changes ({n}, {conflicts} in conflict), newest first</source>
        <translation>您的修改（{n} 处，其中 {conflicts} 处冲突），最新的在前</translation>
    </message>
    <message>
        <source>Your changes ({n}), newest first</source>
        <translation>您的修改（{n} 处），最新的在前</translation>
    </message>
    <message>
        <source>Times are in UTC, from the journal of your edits (exact) and your backups (between two backups). Edit &gt; Show my changes reverts any of them.</source>
        <translation>时间为 UTC，取自您的修改日志（精确）和备份（位于两次备份之间）。“编辑 &gt; 显示我的修改”可还原其中任意一项。</translation>
    </message>
    <message>
        <source>You have not changed anything.</source>
        <translation>您尚未做任何修改。</translation>
    </message>
    <message>
        <source>HIGH</source>
        <translation>高</translation>
    </message>
    <message>
        <source>MED</source>
        <translation>中</translation>
    </message>
    <message>
        <source>LOW</source>
        <translation>低</translation>
    </message>
    <message>
        <source>UNCONFIRMED</source>
        <translation>未证实</translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>{added} record to add, {changed} to change, {unchanged} unchanged</source>
        <translation>新增 {added} 条记录，修改 {changed} 条，{unchanged} 条不变</translation>
    </message>
    <message>
        <source>{added} records to add, {changed} to change, {unchanged} unchanged</source>
        <translation>新增 {added} 条记录，修改 {changed} 条，{unchanged} 条不变</translation>
    </message>
    <message>
        <source>{summary}; {n} problem: nothing is imported until each is fixed</source>
        <translation>{summary}；{n} 个问题：全部修正之前不会导入任何内容</translation>
    </message>
    <message>
        <source>{summary}; {n} problems: nothing is imported until each is fixed</source>
        <translation>{summary}；{n} 个问题：全部修正之前不会导入任何内容</translation>
    </message>
    <message>
        <source>{summary}: nothing to import</source>
        <translation>{summary}：没有可导入的内容</translation>
    </message>
    <message>
        <source>Import records from {file}</source>
        <translation>从 {file} 导入记录</translation>
    </message>
    <message>
        <source>Kind of records in the file</source>
        <translation>文件中的记录类型</translation>
    </message>
    <message>
        <source>Which field each column of the file goes to</source>
        <translation>文件各列对应的字段</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <source>First value</source>
        <translation>第一个值</translation>
    </message>
    <message>
        <source>Goes to field</source>
        <translation>对应字段</translation>
    </message>
    <message>
        <source>Field for the column {column}</source>
        <translation>列 {column} 对应的字段</translation>
    </message>
    <message>
        <source>What importing would do</source>
        <translation>导入将产生的变化</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Records:</source>
        <translation>记录(&amp;R)：</translation>
    </message>
    <message>
        <source>&lt;b&gt;{n}&lt;/b&gt; rows in &lt;b&gt;{file}&lt;/b&gt;.</source>
        <translation>&lt;b&gt;{file}&lt;/b&gt; 中有 &lt;b&gt;{n}&lt;/b&gt; 行。</translation>
    </message>
    <message>
        <source>&lt;b&gt;{n}&lt;/b&gt; records in &lt;b&gt;{file}&lt;/b&gt;.</source>
        <translation>&lt;b&gt;{file}&lt;/b&gt; 中有 &lt;b&gt;{n}&lt;/b&gt; 条记录。</translation>
    </message>
    <message>
        <source>{counted} Rows are matched to your records by id, else by symbol (elements), country and source (reserves) or name (companies). Nothing changes until you press Import; Edit &amp;gt; Undo takes the whole import back.</source>
        <translation>{counted}各行按 ID 与您的记录匹配，否则按符号（元素）、国家和来源（储量）或名称（公司）匹配。按下“导入”之前不会有任何改动；“编辑 &amp;gt; 撤销”可撤回整个导入。</translation>
    </message>
    <message>
        <source>{summary}.</source>
        <translation>{summary}。</translation>
    </message>
    <message>
        <source>Problems ({n}): fix them in the file, then import it again</source>
        <translation>问题（{n}）：请在文件中修正后重新导入</translation>
    </message>
    <message>
        <source>To add ({n})</source>
        <translation>将新增（{n}）</translation>
    </message>
    <message>
        <source>To change ({n})</source>
        <translation>将修改（{n}）</translation>
    </message>
    <message>
        <source>Unchanged: {n} (the file says what your data already says).</source>
        <translation>不变：{n}（文件内容与您的数据一致）。</translation>
    </message>
    <message>
        <source>Not imported (worked out by Curbwatch, or no field chosen): {columns}.</source>
        <translation>不导入（由 Curbwatch 计算得出，或未选择字段）：{columns}。</translation>
    </message>
    <message>
        <source>Import records</source>
        <translation>导入记录</translation>
    </message>
    <message>
        <source>CSV or JSON (*.csv *.json *.txt);;All files (*)</source>
        <translation>CSV 或 JSON (*.csv *.json *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>{app}: import</source>
        <translation>{app}：导入</translation>
    </message>
    <message>
        <source>Not imported: {reason}

Nothing was changed.</source>
        <translation>未导入：{reason}

未做任何更改。</translation>
    </message>
    <message>
        <source>Not imported: your data file would grow to about {size} MB, more than the {cap} MB Curbwatch can read back. Import fewer rows, or first remove rows you no longer need.</source>
        <translation>未导入：您的数据文件将增长到约 {size} MB，超过 Curbwatch 能读回的 {cap} MB。请导入更少的行，或先删除不再需要的行。</translation>
    </message>
    <message>
        <source>Import {n} {records} from {file}</source>
        <translation>从 {file} 导入 {n} 条{records}</translation>
    </message>
    <message>
        <source>Not imported: {reason}</source>
        <translation>未导入：{reason}</translation>
    </message>
    <message>
        <source>Imported from {file}: {added} added, {changed} changed. Edit &gt; Undo takes it back.</source>
        <translation>已从 {file} 导入：新增 {added} 条，修改 {changed} 条。“编辑 &gt; 撤销”可撤回。</translation>
    </message>
    <message>
        <source>Opening your data…</source>
        <translation>正在打开您的数据…</translation>
    </message>
    <message>
        <source>Status date</source>
        <translation>状态日期</translation>
    </message>
    <message>
        <source> Status &amp;on: </source>
        <translation> 状态日期(&amp;O)： </translation>
    </message>
    <message>
        <source>Save state</source>
        <translation>保存状态</translation>
    </message>
    <message>
        <source>Data and status date</source>
        <translation>数据与状态日期</translation>
    </message>
    <message>
        <source>Read-only: {reason} You can look things up and export, but edits are off.</source>
        <translation>只读：{reason}您可以查询和导出，但无法编辑。</translation>
    </message>
    <message>
        <source>your data folder cannot be written.</source>
        <translation>您的数据文件夹无法写入。</translation>
    </message>
    <message>
        <source>Filter companies: names, announcements, notes, timelines (typos forgiven)</source>
        <translation>筛选公司：名称、公告、备注、时间线（容许拼写错误）</translation>
    </message>
    <message>
        <source>Filter elements: names, announcements, items, notes, timelines</source>
        <translation>筛选元素：名称、公告、物项、备注、时间线</translation>
    </message>
    <message>
        <source>The other Curbwatch window has closed: your data is open here now, and you can edit it.</source>
        <translation>另一个 Curbwatch 窗口已关闭：您的数据现已在此打开，可以编辑。</translation>
    </message>
    <message>
        <source>Your latest changes are not saved: {path} was changed by another program since Curbwatch read it. Overwrite it with your data (the other version is backed up first), or reload it (your unsaved changes are dropped).</source>
        <translation>您最近的修改尚未保存：自 Curbwatch 读取以来，{path} 已被其他程序更改。可以用您的数据覆盖它（先备份另一版本），或重新加载（放弃您未保存的修改）。</translation>
    </message>
    <message>
        <source>Overwrite</source>
        <translation>覆盖</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新加载</translation>
    </message>
    <message>
        <source>Your latest changes are not saved yet: {reason} Curbwatch keeps them and will try again.</source>
        <translation>您最近的修改尚未保存：{reason}Curbwatch 会保留这些修改并重试。</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>No changes of yours</source>
        <translation>您没有修改</translation>
    </message>
    <message>
        <source>All changes saved ({n} changed record)</source>
        <translation>所有修改已保存（{n} 条记录有改动）</translation>
    </message>
    <message>
        <source>All changes saved ({n} changed records)</source>
        <translation>所有修改已保存（{n} 条记录有改动）</translation>
    </message>
    <message>
        <source>Dataset {version}, &lt;b&gt;as of {as_of}&lt;/b&gt;</source>
        <translation>数据集 {version}，&lt;b&gt;截至 {as_of}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>{app} {app_version} · data as of {as_of} · statuses computed for {on}</source>
        <translation>{app} {app_version} · 数据截至 {as_of} · 状态按 {on} 计算</translation>
    </message>
    <message>
        <source>Not changed: {reason}. Statuses stay computed for {on}.</source>
        <translation>未更改：{reason}。状态仍按 {on} 计算。</translation>
    </message>
    <message>
        <source>Your latest changes could not be saved.

{reason}

Try again, quit and lose them, or cancel and keep working (you can still export them with File &gt; Export CSV).</source>
        <translation>您最近的修改无法保存。

{reason}

可以重试、退出并放弃这些修改，或取消并继续工作（仍可通过“文件 &gt; 导出 CSV”导出）。</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Screen a list of names…</source>
        <translation>筛查名称列表(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>导出 CSV(&amp;E)…</translation>
    </message>
    <message>
        <source>Export current &amp;view…</source>
        <translation>导出当前视图(&amp;V)…</translation>
    </message>
    <message>
        <source>&amp;Import records…</source>
        <translation>导入记录(&amp;I)…</translation>
    </message>
    <message>
        <source>Import dataset &amp;update…</source>
        <translation>导入数据集更新(&amp;U)…</translation>
    </message>
    <message>
        <source>&amp;Print brief…</source>
        <translation>打印简报(&amp;P)…</translation>
    </message>
    <message>
        <source>Save brief as P&amp;DF…</source>
        <translation>将简报另存为 PDF(&amp;D)…</translation>
    </message>
    <message>
        <source>Export c&amp;hart…</source>
        <translation>导出图表(&amp;H)…</translation>
    </message>
    <message>
        <source>Evidence pac&amp;k…</source>
        <translation>证据包(&amp;K)…</translation>
    </message>
    <message>
        <source>Open &amp;data folder</source>
        <translation>打开数据文件夹(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Add record…</source>
        <translation>添加记录(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Edit record…</source>
        <translation>编辑记录(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Delete record</source>
        <translation>删除记录(&amp;D)</translation>
    </message>
    <message>
        <source>Show my &amp;changes…</source>
        <translation>显示我的修改(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Reset all data to bundled…</source>
        <translation>将全部数据重置为内置数据(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Companies</source>
        <translation>公司(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Element restrictions</source>
        <translation>元素管制(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Reserves</source>
        <translation>储量(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Next tab</source>
        <translation>下一个标签页(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous tab</source>
        <translation>上一个标签页(&amp;P)</translation>
    </message>
    <message>
        <source>Show c&amp;olumns</source>
        <translation>显示列(&amp;O)</translation>
    </message>
    <message>
        <source>Reset &amp;layout</source>
        <translation>重置布局(&amp;L)</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Normal size</source>
        <translation>正常大小(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>About the &amp;data</source>
        <translation>关于数据(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>What &amp;changed…</source>
        <translation>变更记录(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;About {app}</source>
        <translation>关于 {app}(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;System language</source>
        <translation>跟随系统语言(&amp;S)</translation>
    </message>
    <message>
        <source>The window changes to {language} the next time Curbwatch starts.</source>
        <translation>下次启动 Curbwatch 时界面将切换为 {language}。</translation>
    </message>
    <message>
        <source>must be text</source>
        <translation>必须是文本</translation>
    </message>
    <message>
        <source>must be at most {n} characters</source>
        <translation>最多 {n} 个字符</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>不能为空</translation>
    </message>
    <message>
        <source>contains an invalid character (lone surrogate)</source>
        <translation>含有无效字符（孤立代理项）</translation>
    </message>
    <message>
        <source>contains a bidirectional override character</source>
        <translation>含有双向覆盖字符</translation>
    </message>
    <message>
        <source>contains an invisible character ({code})</source>
        <translation>含有不可见字符（{code}）</translation>
    </message>
    <message>
        <source>contains a control character</source>
        <translation>含有控制字符</translation>
    </message>
    <message>
        <source>is required (YYYY-MM-DD)</source>
        <translation>为必填项（YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>must be a date YYYY-MM-DD</source>
        <translation>必须是 YYYY-MM-DD 格式的日期</translation>
    </message>
    <message>
        <source>is not a date that exists</source>
        <translation>不是有效日期</translation>
    </message>
    <message>
        <source>must be between {lo} and {hi}</source>
        <translation>必须在 {lo} 与 {hi} 之间</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>为必填项</translation>
    </message>
    <message>
        <source>must be a number of metric tons, e.g. 21000000 or 21 Mt</source>
        <translation>必须是公吨数，例如 21000000 或 21 Mt</translation>
    </message>
    <message>
        <source>must be a number of metric tons</source>
        <translation>必须是公吨数</translation>
    </message>
    <message>
        <source>must be a finite number</source>
        <translation>必须是有限数值</translation>
    </message>
    <message>
        <source>must not be negative</source>
        <translation>不能为负数</translation>
    </message>
    <message>
        <source>a decimal comma is not accepted: write 1.5 (a point), or 1,500 with full groups of three digits</source>
        <translation>不接受小数逗号：请写作 1.5（小数点），或 1,500（每组三位数字）</translation>
    </message>
    <message>
        <source>must be at most {n} t</source>
        <translation>最多 {n} 吨</translation>
    </message>
    <message>
        <source>must be whole metric tons</source>
        <translation>必须是整公吨数</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>必须是整数</translation>
    </message>
    <message>
        <source>must be one of {choices}</source>
        <translation>必须是以下之一：{choices}</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>必须是真或假</translation>
    </message>
    <message>
        <source>must be a chemical symbol such as Ga or Sm</source>
        <translation>必须是化学元素符号，例如 Ga 或 Sm</translation>
    </message>
    <message>
        <source>must start with http://, https:// or file:</source>
        <translation>必须以 http://、https:// 或 file: 开头</translation>
    </message>
    <message>
        <source>must be a list of names</source>
        <translation>必须是名称列表</translation>
    </message>
    <message>
        <source>must have at most 50 names</source>
        <translation>最多 50 个名称</translation>
    </message>
    <message>
        <source>must be a number from 0 to 100</source>
        <translation>必须是 0 到 100 之间的数</translation>
    </message>
    <message>
        <source>line {n}: write title | URL | confidence</source>
        <translation>第 {n} 行：请写作 标题 | 网址 | 可信度</translation>
    </message>
    <message>
        <source>write percent | basis | year | confidence | source title | source URL</source>
        <translation>请写作 百分比 | 口径 | 年份 | 可信度 | 来源标题 | 来源网址</translation>
    </message>
    <message>
        <source>must not be after the date it took effect ({other}: {date})</source>
        <translation>不能晚于生效日期（{other}：{date}）</translation>
    </message>
    <message>
        <source>is before the date it was announced</source>
        <translation>早于公布日期</translation>
    </message>
    <message>
        <source>is before the announcement date</source>
        <translation>早于公告日期</translation>
    </message>
    <message>
        <source>only a suspension has an end date</source>
        <translation>只有暂停事件才有截止日期</translation>
    </message>
    <message>
        <source>ends ({end}) before it starts ({start})</source>
        <translation>截止日期（{end}）早于开始日期（{start}）</translation>
    </message>
    <message>
        <source>a company needs a listing (export control list or UEL)</source>
        <translation>公司必须列入某一名单（出口管制管控名单或不可靠实体清单）</translation>
    </message>
    <message>
        <source>an export control listing&apos;s time of day needs its in-force date</source>
        <translation>列入出口管制管控名单的生效时刻需要有生效日期</translation>
    </message>
    <message>
        <source>an UEL entry&apos;s time of day needs its in-force date</source>
        <translation>不可靠实体清单条目的生效时刻需要有生效日期</translation>
    </message>
    <message>
        <source>an export control listing needs both its announcement and its date</source>
        <translation>列入出口管制管控名单需要同时填写公告和日期</translation>
    </message>
    <message>
        <source>an UEL entry needs both its announcement and its date</source>
        <translation>不可靠实体清单条目需要同时填写公告和日期</translation>
    </message>
    <message>
        <source>an export control listing needs its announcement date first</source>
        <translation>列入出口管制管控名单需要先填写公告日期</translation>
    </message>
    <message>
        <source>an UEL entry needs its announcement date first</source>
        <translation>不可靠实体清单条目需要先填写公告日期</translation>
    </message>
    <message>
        <source>already used by {other}</source>
        <translation>已被 {other} 使用</translation>
    </message>
    <message>
        <source>unknown source {source}</source>
        <translation>未知来源 {source}</translation>
    </message>
    <message>
        <source>is missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>unknown field</source>
        <translation>是未知字段</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>必须是对象</translation>
    </message>
    <message>
        <source>must be a list</source>
        <translation>必须是列表</translation>
    </message>
    <message>
        <source>has more than {n} entries</source>
        <translation>条目超过 {n} 个</translation>
    </message>
    <message>
        <source>duplicate event id {id}</source>
        <translation>事件 ID {id} 重复</translation>
    </message>
    <message>
        <source>cannot be changed</source>
        <translation>不能更改</translation>
    </message>
    <message>
        <source>{id} is already used</source>
        <translation>{id} 已被使用</translation>
    </message>
    <message>
        <source>a record you added has no bundled version; delete it instead</source>
        <translation>您添加的记录没有内置版本；请改为删除它</translation>
    </message>
    <message>
        <source>{kind} has no record {id}</source>
        <translation>{kind}中没有记录 {id}</translation>
    </message>
    <message>
        <source>Country and source</source>
        <translation>国家和来源</translation>
    </message>
    <message>
        <source>{rule} (got {value})</source>
        <translation>{rule}（输入为 {value}）</translation>
    </message>
    <message>
        <source>{field}: {rule}</source>
        <translation>{field}：{rule}</translation>
    </message>
    <message>
        <source>Revert to &amp;bundled value</source>
        <translation>还原为内置值(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Keep my value (resolve conflict)</source>
        <translation>保留我的值（解决冲突）(&amp;K)</translation>
    </message>
    <message>
        <source>Revert &amp;row to bundled</source>
        <translation>将整行还原为内置数据(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit {noun}…</source>
        <translation>编辑{noun}(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Delete {noun}</source>
        <translation>删除{noun}(&amp;D)</translation>
    </message>
    <message>
        <source>Add {noun}</source>
        <translation>添加{noun}</translation>
    </message>
    <message>
        <source>Filter {records}</source>
        <translation>筛选{records}</translation>
    </message>
    <message>
        <source>Details of the selected {noun}</source>
        <translation>所选{noun}的详情</translation>
    </message>
    <message>
        <source>{shown} of {total}</source>
        <translation>{shown} / {total}</translation>
    </message>
    <message>
        <source>{total} records</source>
        <translation>共 {total} 条记录</translation>
    </message>
    <message>
        <source>Select a row to see its timeline and sources.</source>
        <translation>选择一行以查看其时间线和来源。</translation>
    </message>
    <message>
        <source>You added this record.</source>
        <translation>此记录由您添加。</translation>
    </message>
    <message>
        <source>This record is no longer in the bundled data; your edited copy is kept.</source>
        <translation>此记录已不在内置数据中；保留了您编辑过的副本。</translation>
    </message>
    <message>
        <source>You changed: {fields}.</source>
        <translation>您修改了：{fields}。</translation>
    </message>
    <message>
        <source>Conflict on {field}: bundled was {base}, is now {bundled}; yours ({mine}) is kept.</source>
        <translation>{field}存在冲突：内置值原为 {base}，现为 {bundled}；保留您的值（{mine}）。</translation>
    </message>
    <message>
        <source>Listed with</source>
        <translation>同批列入</translation>
    </message>
    <message>
        <source>no other record</source>
        <translation>无其他记录</translation>
    </message>
    <message>
        <source> ({n} records): </source>
        <translation>（共 {n} 条记录）：</translation>
    </message>
    <message>
        <source>Brought back or added</source>
        <translation>恢复或新增</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>Restoring this backup changes nothing: it holds the same data as now.</source>
        <translation>恢复此备份不会带来任何变化：其数据与当前相同。</translation>
    </message>
    <message>
        <source>{section} ({n})</source>
        <translation>{section}（{n}）</translation>
    </message>
    <message>
        <source>Left out: {n} entry of the backup could not be used</source>
        <translation>已略过：备份中有 {n} 个条目无法使用</translation>
    </message>
    <message>
        <source>Left out: {n} entries of the backup could not be used</source>
        <translation>已略过：备份中有 {n} 个条目无法使用</translation>
    </message>
    <message>
        <source>Files kept aside as damaged (never deleted)</source>
        <translation>作为损坏文件单独保留的文件（不会删除）</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Backups, newest first</source>
        <translation>备份，最新的在前</translation>
    </message>
    <message>
        <source>What restoring the chosen backup would change</source>
        <translation>恢复所选备份将带来的变化</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <source>Your current data is backed up first, so a restore can itself be undone by restoring that backup.</source>
        <translation>恢复前会先备份您当前的数据，因此可以通过恢复该备份来撤销此次恢复。</translation>
    </message>
    <message>
        <source>This backup cannot be used: {reason}</source>
        <translation>此备份无法使用：{reason}</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>匹配</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>匹配度</translation>
    </message>
    <message>
        <source>Matched on</source>
        <translation>匹配依据</translation>
    </message>
    <message>
        <source>only legal-form words</source>
        <translation>仅含公司形式用词</translation>
    </message>
    <message>
        <source>only generic words</source>
        <translation>仅含通用词</translation>
    </message>
    <message>
        <source>empty name</source>
        <translation>名称为空</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>{measure}: {status}</source>
        <translation>{measure}：{status}</translation>
    </message>
    <message>
        <source>possible match</source>
        <translation>可能匹配</translation>
    </message>
    <message>
        <source>cleared ({reason})</source>
        <translation>已排除（{reason}）</translation>
    </message>
    <message>
        <source>cleared</source>
        <translation>已排除</translation>
    </message>
    <message>
        <source>Names to screen, one a line</source>
        <translation>待筛查的名称，每行一个</translation>
    </message>
    <message>
        <source>Paste names here, one a line, or open a text or CSV file</source>
        <translation>在此粘贴名称，每行一个，或打开文本或 CSV 文件</translation>
    </message>
    <message>
        <source>&amp;Open file…</source>
        <translation>打开文件(&amp;O)…</translation>
    </message>
    <message>
        <source>Threshold for a possible match</source>
        <translation>可能匹配的阈值</translation>
    </message>
    <message>
        <source>&amp;Screen</source>
        <translation>筛查(&amp;S)</translation>
    </message>
    <message>
        <source>Screening progress</source>
        <translation>筛查进度</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>All names</source>
        <translation>全部名称</translation>
    </message>
    <message>
        <source>Possible matches</source>
        <translation>可能匹配</translation>
    </message>
    <message>
        <source>Cleared</source>
        <translation>已排除</translation>
    </message>
    <message>
        <source>Screening report</source>
        <translation>筛查报告</translation>
    </message>
    <message>
        <source>&amp;Export report…</source>
        <translation>导出报告(&amp;E)…</translation>
    </message>
    <message>
        <source>Threshold:</source>
        <translation>阈值：</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Names are matched against the companies&apos; names, other names and Chinese names; statuses are for {on}. Generic words alone (Technologies, Inc, Corp) never make a match.</source>
        <translation>名称将与公司的名称、其他名称和中文名称比对；状态按 {on} 计算。仅凭通用词（Technologies、Inc、Corp）不会构成匹配。</translation>
    </message>
    <message>
        <source>Open a list of names</source>
        <translation>打开名称列表</translation>
    </message>
    <message>
        <source>Lists of names (*.txt *.csv *.tsv);;All files (*)</source>
        <translation>名称列表 (*.txt *.csv *.tsv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Which column?</source>
        <translation>哪一列？</translation>
    </message>
    <message>
        <source>The column that holds the names:</source>
        <translation>包含名称的列：</translation>
    </message>
    <message>
        <source>Not opened: {reason}</source>
        <translation>未打开：{reason}</translation>
    </message>
    <message>
        <source>{n} names read from {path}</source>
        <translation>已从 {path} 读取 {n} 个名称</translation>
    </message>
    <message>
        <source>{read} (column “{column}”)</source>
        <translation>{read}（“{column}”列）</translation>
    </message>
    <message>
        <source>Not screened: {reason}</source>
        <translation>未筛查：{reason}</translation>
    </message>
    <message>
        <source>Paste or open some names first.</source>
        <translation>请先粘贴或打开一些名称。</translation>
    </message>
    <message>
        <source>{done} names screened: {matches} possible matches for {names} names, {cleared} cleared (threshold {threshold}). Double-click or press Enter on a match to open the company.</source>
        <translation>已筛查 {done} 个名称：{names} 个名称有 {matches} 项可能匹配，{cleared} 个已排除（阈值 {threshold}）。双击匹配项或按 Enter 可打开该公司。</translation>
    </message>
    <message>
        <source>Cancelled after {done} of {total} names. {summary}</source>
        <translation>已在筛查 {total} 个名称中的 {done} 个后取消。{summary}</translation>
    </message>
    <message>
        <source>Export the screening report</source>
        <translation>导出筛查报告</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>{summary} Report written to {path}.</source>
        <translation>{summary}报告已写入 {path}。</translation>
    </message>
    <message>
        <source>Not opened: {url} (only web links, http or https, are opened from the sources).</source>
        <translation>未打开：{url}（来源中只打开 http 或 https 网页链接）。</translation>
    </message>
    <message>
        <source>last day</source>
        <translation>最后一天</translation>
    </message>
    <message>
        <source>{n} day left</source>
        <translation>还剩 {n} 天</translation>
    </message>
    <message>
        <source>{n} days left</source>
        <translation>还剩 {n} 天</translation>
    </message>
    <message>
        <source>Lifted {date}</source>
        <translation>已于 {date} 解除</translation>
    </message>
    <message>
        <source>Changed {date}, outcome unconfirmed; verify</source>
        <translation>{date} 有变动，结果未证实；请核实</translation>
    </message>
    <message>
        <source>Suspended, no end date stated</source>
        <translation>已暂停，未说明截止日期</translation>
    </message>
    <message>
        <source>Suspended until {date}</source>
        <translation>暂停至 {date}</translation>
    </message>
    <message>
        <source>Suspended until {date} (end date unconfirmed)</source>
        <translation>暂停至 {date}（截止日期未证实）</translation>
    </message>
    <message>
        <source>Suspension ended {date}; no later data, verify</source>
        <translation>暂停已于 {date} 期满；无后续数据，请核实</translation>
    </message>
    <message>
        <source>In force since {date}</source>
        <translation>自 {date} 起生效</translation>
    </message>
    <message>
        <source>Announced {date}, in force from {due}</source>
        <translation>{date} 公布，{due} 起生效</translation>
    </message>
    <message>
        <source>Announced {date}, not yet in force</source>
        <translation>{date} 公布，尚未生效</translation>
    </message>
    <message>
        <source>data to {date}</source>
        <translation>数据截至 {date}</translation>
    </message>
    <message>
        <source>data to {date}, verify</source>
        <translation>数据截至 {date}，请核实</translation>
    </message>
    <message>
        <source>The data reaches {as_of}, {days} day before the status date {on}: later decisions are not in it, so verify any status before relying on it.</source>
        <translation>数据截至 {as_of}，比状态日期 {on} 早 {days} 天：之后的决定未收录，引用任何状态前请先核实。</translation>
    </message>
    <message>
        <source>The data reaches {as_of}, {days} days before the status date {on}: later decisions are not in it, so verify any status before relying on it.</source>
        <translation>数据截至 {as_of}，比状态日期 {on} 早 {days} 天：之后的决定未收录，引用任何状态前请先核实。</translation>
    </message>
    <message>
        <source>Added to the Unreliable Entity List.</source>
        <translation>列入不可靠实体清单。</translation>
    </message>
    <message>
        <source>Added to the export control list.</source>
        <translation>列入出口管制管控名单。</translation>
    </message>
    <message>
        <source>Export needs a dual-use licence.</source>
        <translation>出口须申领两用物项出口许可证。</translation>
    </message>
    <message>
        <source>{announcement} issued; takes effect {date} at {time}.</source>
        <translation>{announcement} 发布；{date} {time} 起生效。</translation>
    </message>
    <message>
        <source>{announcement} issued; takes effect {date}.</source>
        <translation>{announcement} 发布；{date} 起生效。</translation>
    </message>
    <message>
        <source>{announcement} in force from {date} at {time}.</source>
        <translation>{announcement} 自 {date} {time} 起生效。</translation>
    </message>
    <message>
        <source>{announcement} in force from {date}.</source>
        <translation>{announcement} 自 {date} 起生效。</translation>
    </message>
    <message>
        <source>{announcement} issued (no separate effective date recorded; taken as in force from the issue date).</source>
        <translation>{announcement} 发布（未单独记录生效日期，按自发布之日起生效计）。</translation>
    </message>
    <message>
        <source>{announcement} issued and in force at {time}.</source>
        <translation>{announcement} 发布，并于 {time} 生效。</translation>
    </message>
    <message>
        <source>{announcement} issued and in force.</source>
        <translation>{announcement} 发布并生效。</translation>
    </message>
    <message>
        <source>{list} ({announcement})</source>
        <translation>{list}（{announcement}）</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Reserve source</source>
        <translation>储量来源</translation>
    </message>
    <message>
        <source>{n} field</source>
        <translation>{n} 个字段</translation>
    </message>
    <message>
        <source>{n} fields</source>
        <translation>{n} 个字段</translation>
    </message>
    <message>
        <source>{added} added, {changed} changed ({fields}), {removed} removed</source>
        <translation>新增 {added} 条，修改 {changed} 条（{fields}），删除 {removed} 条</translation>
    </message>
    <message>
        <source>{diff}; {kept} of your changed records kept</source>
        <translation>{diff}；保留了您修改过的 {kept} 条记录</translation>
    </message>
    <message>
        <source>{text}, {n} field in conflict with the update</source>
        <translation>{text}，{n} 个字段与更新冲突</translation>
    </message>
    <message>
        <source>{text}, {n} fields in conflict with the update</source>
        <translation>{text}，{n} 个字段与更新冲突</translation>
    </message>
    <message>
        <source>{text}, {n} left out</source>
        <translation>{text}，略过 {n} 项</translation>
    </message>
    <message>
        <source>What changes</source>
        <translation>变化内容</translation>
    </message>
    <message>
        <source>Your data</source>
        <translation>您的数据</translation>
    </message>
    <message>
        <source>Import dataset update</source>
        <translation>导入数据集更新</translation>
    </message>
    <message>
        <source>A dataset update is a zip file (or a folder) holding companies.json, elements.json and reserves.json in the format Curbwatch ships. Nothing changes until you press Apply; your own changes are kept, and any that the update contradicts stay marked until you resolve them (Edit &gt; Show my changes).</source>
        <translation>数据集更新是一个 zip 文件（或文件夹），包含 Curbwatch 发布格式的 companies.json、elements.json 和 reserves.json。按下“应用”之前不会有任何改动；您自己的修改会保留，与更新相冲突的修改会一直标记，直到您解决（编辑 &gt; 显示我的修改）。</translation>
    </message>
    <message>
        <source>Choose &amp;zip file…</source>
        <translation>选择 zip 文件(&amp;Z)…</translation>
    </message>
    <message>
        <source>Choose &amp;folder…</source>
        <translation>选择文件夹(&amp;F)…</translation>
    </message>
    <message>
        <source>No update chosen yet.</source>
        <translation>尚未选择更新。</translation>
    </message>
    <message>
        <source>What the update would change</source>
        <translation>更新将带来的变化</translation>
    </message>
    <message>
        <source>&amp;Apply update</source>
        <translation>应用更新(&amp;A)</translation>
    </message>
    <message>
        <source>Dataset update</source>
        <translation>数据集更新</translation>
    </message>
    <message>
        <source>Dataset update (*.zip);;All files (*)</source>
        <translation>数据集更新 (*.zip);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Folder with companies.json, elements.json and reserves.json</source>
        <translation>包含 companies.json、elements.json 和 reserves.json 的文件夹</translation>
    </message>
    <message>
        <source>SHA-256 {of}: </source>
        <translation>{of} 的 SHA-256：</translation>
    </message>
    <message>
        <source>Compare it with the one the sender gave you.</source>
        <translation>请与发送方提供的值核对。</translation>
    </message>
    <message>
        <source>Dataset {version} (as of {as_of}) → </source>
        <translation>数据集 {version}（截至 {as_of}）→ </translation>
    </message>
    <message>
        <source>{version} (as of {as_of})</source>
        <translation>{version}（截至 {as_of}）</translation>
    </message>
    <message>
        <source>Tinted rows: your value is kept and marked as in conflict until you resolve it.</source>
        <translation>着色行：保留您的值，并标记为冲突，直到您解决为止。</translation>
    </message>
    <message>
        <source>A {kind} record you added, {old!r}, is kept as {new!r}: the update uses its id.</source>
        <translation>您添加的 {kind} 记录 {old!r} 保留为 {new!r}：更新使用了原来的 ID。</translation>
    </message>
    <message>
        <source>Your change to {kind} {record!r} no longer fits and is left out (kept in the backup made first): {reason}</source>
        <translation>您对 {kind} {record!r} 的修改已不适用，已略过（保存在事先所做的备份中）：{reason}</translation>
    </message>
    <message>
        <source>Your data is open read-only: the update cannot be applied here.</source>
        <translation>您的数据以只读方式打开：无法在此应用更新。</translation>
    </message>
    <message>
        <source>Not imported: {reason} Nothing was changed.</source>
        <translation>未导入：{reason}未做任何更改。</translation>
    </message>
    <message>
        <source>Dataset {version} (as of {as_of}) imported: {diff}. Your changes were kept</source>
        <translation>已导入数据集 {version}（截至 {as_of}）：{diff}。您的修改已保留</translation>
    </message>
    <message>
        <source>{text}; {n} of them conflict with the update and are marked until you resolve them (Edit &gt; Show my changes).</source>
        <translation>{text}；其中 {n} 处与更新冲突，已标记，直到您解决为止（编辑 &gt; 显示我的修改）。</translation>
    </message>
    <message>
        <source>Dataset {version} imported</source>
        <translation>已导入数据集 {version}</translation>
    </message>
    <message>
        <source>Chart: {title}</source>
        <translation>图表：{title}</translation>
    </message>
    <message>
        <source> (top to bottom in each country)</source>
        <translation>（每个国家中自上而下）</translation>
    </message>
    <message>
        <source>matches no USGS edition</source>
        <translation>与任何 USGS 版本均不符</translation>
    </message>
    <message>
        <source>Bars too thin for labels: hover a bar, or read the table</source>
        <translation>条形太窄，无法显示标签：请将鼠标悬停在条形上，或查看表格</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>Chart not exported: {reason}</source>
        <translation>图表未导出：{reason}</translation>
    </message>
    <message>
        <source>Chart exported to {path}</source>
        <translation>图表已导出到 {path}</translation>
    </message>
    <message>
        <source>Save evidence pack</source>
        <translation>保存证据包</translation>
    </message>
    <message>
        <source>Zip archive (*.zip)</source>
        <translation>Zip 压缩包 (*.zip)</translation>
    </message>
    <message>
        <source>Evidence pack not saved: {reason}</source>
        <translation>证据包未保存：{reason}</translation>
    </message>
    <message>
        <source>Evidence pack saved to {path}</source>
        <translation>证据包已保存到 {path}</translation>
    </message>
    <message>
        <source>Source of the reserve figures</source>
        <translation>储量数据的来源</translation>
    </message>
    <message>
        <source>Figure shown on the chart</source>
        <translation>图表显示的数据</translation>
    </message>
    <message>
        <source>Compare with a second source</source>
        <translation>与第二个来源对比</translation>
    </message>
    <message>
        <source>Compare with a third source</source>
        <translation>与第三个来源对比</translation>
    </message>
    <message>
        <source>auto (Mt; t)</source>
        <translation>自动（Mt；t）</translation>
    </message>
    <message>
        <source>Unit of the chart</source>
        <translation>图表单位</translation>
    </message>
    <message>
        <source>linear</source>
        <translation>线性</translation>
    </message>
    <message>
        <source>log</source>
        <translation>对数</translation>
    </message>
    <message>
        <source>Scale of the chart</source>
        <translation>图表刻度</translation>
    </message>
    <message>
        <source>China on the chart</source>
        <translation>图表中的中国</translation>
    </message>
    <message>
        <source>shown</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>left out</source>
        <translation>不显示</translation>
    </message>
    <message>
        <source>Bar labels</source>
        <translation>条形标签</translation>
    </message>
    <message>
        <source>values</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>values and share of world</source>
        <translation>数值及占全球比例</translation>
    </message>
    <message>
        <source>E&amp;xport chart…</source>
        <translation>导出图表(&amp;X)…</translation>
    </message>
    <message>
        <source>Save the chart as PNG or SVG, with its title, units, sources and data date</source>
        <translation>将图表另存为 PNG 或 SVG，包含标题、单位、来源和数据日期</translation>
    </message>
    <message>
        <source>Reserve figures of the charted sources</source>
        <translation>图表所示来源的储量数据</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>来源(&amp;S)：</translation>
    </message>
    <message>
        <source>Co&amp;mpare with:</source>
        <translation>对比(&amp;M)：</translation>
    </message>
    <message>
        <source>an&amp;d:</source>
        <translation>及(&amp;D)：</translation>
    </message>
    <message>
        <source>Sho&amp;w:</source>
        <translation>显示(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Units:</source>
        <translation>单位(&amp;U)：</translation>
    </message>
    <message>
        <source>Sc&amp;ale:</source>
        <translation>刻度(&amp;A)：</translation>
    </message>
    <message>
        <source>Ch&amp;ina:</source>
        <translation>中国(&amp;I)：</translation>
    </message>
    <message>
        <source>La&amp;bels:</source>
        <translation>标签(&amp;B)：</translation>
    </message>
    <message>
        <source>Orange bars: figures that match no USGS edition</source>
        <translation>橙色条形：与任何 USGS 版本均不符的数据</translation>
    </message>
    <message>
        <source> (the chart in {unit}, the table in metric tons)</source>
        <translation>（图表单位为{unit}，表格单位为公吨）</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>来源：</translation>
    </message>
    <message>
        <source>. Published {published}</source>
        <translation>。发布于 {published}</translation>
    </message>
    <message>
        <source>; data year {year}</source>
        <translation>；数据年份 {year}</translation>
    </message>
    <message>
        <source>. Confidence {confidence}.</source>
        <translation>。可信度 {confidence}。</translation>
    </message>
    <message>
        <source>Shown:</source>
        <translation>显示内容：</translation>
    </message>
    <message>
        <source>{what}; metric tons of rare-earth oxide (REO) equivalent{unit}.</source>
        <translation>{what}；单位为公吨稀土氧化物（REO）当量{unit}。</translation>
    </message>
    <message>
        <source>World total ({what}): {total}.</source>
        <translation>全球总量（{what}）：{total}。</translation>
    </message>
    <message>
        <source>No figure (NA), not charted: {countries}.</source>
        <translation>无数据（NA），未绘入图表：{countries}。</translation>
    </message>
    <message>
        <source>Zero (&apos;–&apos; in USGS): {countries}.</source>
        <translation>为零（USGS 中记为“–”）：{countries}。</translation>
    </message>
    <message>
        <source>How it was read:</source>
        <translation>读取方式：</translation>
    </message>
    <message>
        <source>; world total {total}</source>
        <translation>；全球总量 {total}</translation>
    </message>
    <message>
        <source> (published {published}; confidence {confidence}{world})</source>
        <translation>（发布于 {published}；可信度 {confidence}{world}）</translation>
    </message>
    <message>
        <source>Sources compared:</source>
        <translation>对比的来源：</translation>
    </message>
    <message>
        <source>.</source>
        <translation>。</translation>
    </message>
    <message>
        <source>Conflict: you changed this; the bundled data changed it too.
Bundled before: {base}
Bundled now: {bundled}
Yours (kept): {mine}</source>
        <translation>冲突：您修改了此项，内置数据也修改了它。
内置原值：{base}
内置现值：{bundled}
您的值（已保留）：{mine}</translation>
    </message>
    <message>
        <source>Added by you</source>
        <translation>由您添加</translation>
    </message>
    <message>
        <source>Edited by you. Bundled value: {value}</source>
        <translation>由您修改。内置值：{value}</translation>
    </message>
    <message>
        <source>{first} {second}</source>
        <translation>{first}{second}</translation>
    </message>
    <message>
        <source>{first}
{second}</source>
        <translation>{first}
{second}</translation>
    </message>
    <message>
        <source>{first}, {second}</source>
        <translation>{first}、{second}</translation>
    </message>
    <message>
        <source>the data file</source>
        <translation>数据文件</translation>
    </message>
    <message>
        <source> ({reason})</source>
        <translation>（{reason}）</translation>
    </message>
    <message>
        <source>The disk is full (no free space left): could not save {where}. Make some room on that disk and save again; your changes are kept until then.</source>
        <translation>磁盘已满（没有剩余空间）：无法保存 {where}。请在该磁盘上腾出空间后再次保存；在此之前您的修改会一直保留。</translation>
    </message>
    <message>
        <source>Could not save {where}: the folder is read-only or you do not have permission to write there{detail}.</source>
        <translation>无法保存 {where}：该文件夹为只读，或您没有写入权限{detail}。</translation>
    </message>
    <message>
        <source>Could not replace {where}: another program (a virus scanner, a sync client or another window) is holding it{detail}. Try again in a moment.</source>
        <translation>无法替换 {where}：另一个程序（杀毒软件、同步客户端或另一个窗口）正占用该文件{detail}。请稍后再试。</translation>
    </message>
    <message>
        <source>Could not save {where}{detail}.</source>
        <translation>无法保存 {where}{detail}。</translation>
    </message>
    <message>
        <source>Could not save {path}: {reason}.</source>
        <translation>无法保存 {path}：{reason}。</translation>
    </message>
    <message>
        <source>{path} does not exist.</source>
        <translation>{path} 不存在。</translation>
    </message>
    <message>
        <source>{path} cannot be read ({reason}).</source>
        <translation>无法读取 {path}（{reason}）。</translation>
    </message>
    <message>
        <source>the update file</source>
        <translation>更新文件</translation>
    </message>
    <message>
        <source>{path} is {what}, not a zip file or a folder.</source>
        <translation>{path} 是{what}，不是 zip 文件或文件夹。</translation>
    </message>
    <message>
        <source>{name} is {what}: only regular files are read.</source>
        <translation>{name} 是{what}：只读取普通文件。</translation>
    </message>
    <message>
        <source>{name} cannot be read ({reason}).</source>
        <translation>无法读取 {name}（{reason}）。</translation>
    </message>
    <message>
        <source>{name} is missing.</source>
        <translation>缺少 {name}。</translation>
    </message>
    <message>
        <source>{what} {name} is larger than {cap:,} bytes: not a Curbwatch dataset.</source>
        <translation>{what} {name} 大于 {cap:,} 字节：不是 Curbwatch 数据集。</translation>
    </message>
    <message>
        <source>{name} is missing from the folder {folder} (a dataset has companies.json, elements.json and reserves.json).</source>
        <translation>文件夹 {folder} 中缺少 {name}（数据集包含 companies.json、elements.json 和 reserves.json）。</translation>
    </message>
    <message>
        <source>{name} in {folder} is {what}: only regular files are read, never links.</source>
        <translation>{folder} 中的 {name} 是{what}：只读取普通文件，从不读取链接。</translation>
    </message>
    <message>
        <source>the file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>{name} is not a zip file or a folder (choose the zip, or the folder that holds the three files).</source>
        <translation>{name} 不是 zip 文件或文件夹（请选择 zip 文件，或包含这三个文件的文件夹）。</translation>
    </message>
    <message>
        <source>{name} is not a zip file or a folder.</source>
        <translation>{name} 不是 zip 文件或文件夹。</translation>
    </message>
    <message>
        <source>{name} holds {n:,} entries; a dataset update holds three files (at most {cap} entries are read).</source>
        <translation>{name} 包含 {n:,} 个条目；数据集更新只包含三个文件（最多读取 {cap} 个条目）。</translation>
    </message>
    <message>
        <source>{name} would unpack to more than {cap:,} bytes: refused.</source>
        <translation>{name} 解压后将超过 {cap:,} 字节：已拒绝。</translation>
    </message>
    <message>
        <source>{name} holds an entry named {entry}, outside the zip&apos;s own folder: refused.</source>
        <translation>{name} 包含名为 {entry} 的条目，位于 zip 自身的文件夹之外：已拒绝。</translation>
    </message>
    <message>
        <source>{name} holds a link ({entry}): refused.</source>
        <translation>{name} 包含链接（{entry}）：已拒绝。</translation>
    </message>
    <message>
        <source>{zip} holds {name} twice ({first}, {second}).</source>
        <translation>{zip} 包含两个 {name}（{first}、{second}）。</translation>
    </message>
    <message>
        <source>{name} is missing from {zip} (a dataset update holds companies.json, elements.json and reserves.json).</source>
        <translation>{zip} 中缺少 {name}（数据集更新包含 companies.json、elements.json 和 reserves.json）。</translation>
    </message>
    <message>
        <source>the three files of {zip} are in different folders.</source>
        <translation>{zip} 中的三个文件位于不同的文件夹。</translation>
    </message>
    <message>
        <source>{name} in {zip} is encrypted: send it without a password.</source>
        <translation>{zip} 中的 {name} 已加密：请发送不带密码的版本。</translation>
    </message>
    <message>
        <source>{name} in {zip} cannot be unpacked ({reason}): the zip is damaged.</source>
        <translation>{zip} 中的 {name} 无法解压（{reason}）：该 zip 已损坏。</translation>
    </message>
    <message>
        <source>{name} in {zip} is larger than {cap:,} bytes: refused.</source>
        <translation>{zip} 中的 {name} 大于 {cap:,} 字节：已拒绝。</translation>
    </message>
    <message>
        <source>the versions cannot be compared: {reason}</source>
        <translation>无法比较版本：{reason}</translation>
    </message>
    <message>
        <source>This is dataset {new}, the one in use: you already have it. Nothing to import.</source>
        <translation>这是数据集 {new}，即正在使用的版本：您已拥有它。无需导入。</translation>
    </message>
    <message>
        <source>This is dataset {new}, older than the one in use ({current}): you already have it or newer. Nothing to import.</source>
        <translation>这是数据集 {new}，比正在使用的版本（{current}）更旧：您已拥有它或更新的版本。无需导入。</translation>
    </message>
    <message>
        <source>{path} is {what}, not a folder: imported datasets there are not used.</source>
        <translation>{path} 是{what}，不是文件夹：其中导入的数据集不会被使用。</translation>
    </message>
    <message>
        <source>{path} cannot be read ({reason}): imported datasets there are not used.</source>
        <translation>无法读取 {path}（{reason}）：其中导入的数据集不会被使用。</translation>
    </message>
    <message>
        <source>{path} is {what}, not a folder: not used.</source>
        <translation>{path} 是{what}，不是文件夹：未使用。</translation>
    </message>
    <message>
        <source>not this dataset&apos;s origin.json</source>
        <translation>不是此数据集的 origin.json</translation>
    </message>
    <message>
        <source>The dataset kept in {path} has no usable {file} ({reason}): not used.</source>
        <translation>保存在 {path} 中的数据集没有可用的 {file}（{reason}）：未使用。</translation>
    </message>
    <message>
        <source>its files were changed after it was stored</source>
        <translation>其文件在保存后被更改过</translation>
    </message>
    <message>
        <source>it holds dataset {found}, not {expected}</source>
        <translation>其中是数据集 {found}，而不是 {expected}</translation>
    </message>
    <message>
        <source>The imported dataset {version} in {path} cannot be used ({reason}); using dataset {other} instead.</source>
        <translation>无法使用 {path} 中导入的数据集 {version}（{reason}）；改用数据集 {other}。</translation>
    </message>
    <message>
        <source>Not imported: your data is open read-only. {reason}</source>
        <translation>未导入：您的数据以只读方式打开。{reason}</translation>
    </message>
    <message>
        <source>Not imported: your data is open read-only.</source>
        <translation>未导入：您的数据以只读方式打开。</translation>
    </message>
    <message>
        <source>Not imported: the dataset could not be stored ({reason}). Nothing was changed.</source>
        <translation>未导入：无法存储该数据集（{reason}）。未做任何更改。</translation>
    </message>
    <message>
        <source>Not imported: your data could not be saved ({reason}). Nothing was changed.</source>
        <translation>未导入：无法保存您的数据（{reason}）。未做任何更改。</translation>
    </message>
    <message>
        <source>Nothing was saved: {path} has not been loaded yet.</source>
        <translation>未保存任何内容：{path} 尚未载入。</translation>
    </message>
    <message>
        <source>Nothing was saved. {reason}</source>
        <translation>未保存任何内容。{reason}</translation>
    </message>
    <message>
        <source>Nothing was saved: {path} is now {what}, not a regular file, and Curbwatch does not replace it. Move it away; the next save writes your data.</source>
        <translation>未保存任何内容：{path} 现在是{what}，不是普通文件，Curbwatch 不会替换它。请将其移走；下次保存时会写入您的数据。</translation>
    </message>
    <message>
        <source>Your changes were not saved: the data file {path} was changed by another program since Curbwatch read it. Reload it, or overwrite it (a backup of the other version is made first).</source>
        <translation>您的修改未保存：自 Curbwatch 读取以来，数据文件 {path} 已被另一个程序更改。请重新载入，或覆盖它（会先备份另一版本）。</translation>
    </message>
    <message>
        <source>unreadable ({reason})</source>
        <translation>无法读取（{reason}）</translation>
    </message>
    <message>
        <source>no longer there</source>
        <translation>已不存在</translation>
    </message>
    <message>
        <source>made by a newer version of Curbwatch (app_version {app_version})</source>
        <translation>由更新版本的 Curbwatch 创建（app_version {app_version}）</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>{reason} The backup is made before every save, so {path} was not changed.</source>
        <translation>{reason}每次保存前都会先备份，因此 {path} 未被更改。</translation>
    </message>
    <message>
        <source>No column gives the id or the {what} of the records, so they can be neither matched nor added: choose which column is which field.</source>
        <translation>没有任何列给出记录的 ID 或{what}，因此既无法匹配也无法新增：请选择各列对应的字段。</translation>
    </message>
    <message>
        <source>{where}: you deleted {record}; restore it (Edit &gt; Undo, or Edit &gt; Show my changes) before importing into it.</source>
        <translation>{where}：您已删除 {record}；请先恢复它（编辑 &gt; 撤销，或编辑 &gt; 显示我的修改），再导入到该记录。</translation>
    </message>
    <message>
        <source>{where}: the same record as {other} ({record}).</source>
        <translation>{where}：与{other}是同一条记录（{record}）。</translation>
    </message>
    <message>
        <source>{where}: {what} already given by {other}.</source>
        <translation>{where}：{what}已由{other}给出。</translation>
    </message>
    <message>
        <source>a new {noun} needs {fields}, which no column of the file gives</source>
        <translation>新的{noun}需要{fields}，但文件中没有任何列提供</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>symbol</source>
        <translation>符号</translation>
    </message>
    <message>
        <source>country and source</source>
        <translation>国家和来源</translation>
    </message>
    <message>
        <source>{where}: {problem}</source>
        <translation>{where}：{problem}</translation>
    </message>
    <message>
        <source>larger than {n:,} bytes</source>
        <translation>大于 {n:,} 字节</translation>
    </message>
    <message>
        <source>The journal {path} is not open; the edit is kept in memory and saved with the next full save.</source>
        <translation>编辑日志 {path} 未打开；此次修改保留在内存中，并在下次完整保存时写入。</translation>
    </message>
    <message>
        <source>not a regular file but {what}</source>
        <translation>不是普通文件，而是{what}</translation>
    </message>
    <message>
        <source>Curbwatch could not read the data file {path} ({reason}). It is opened read-only so nothing overwrites it.</source>
        <translation>Curbwatch 无法读取数据文件 {path}（{reason}）。已以只读方式打开，以免其被覆盖。</translation>
    </message>
    <message>
        <source>damaged ({n} line(s) could not be read)</source>
        <translation>已损坏（{n} 行无法读取）</translation>
    </message>
    <message>
        <source>written by another version of Curbwatch</source>
        <translation>由另一版本的 Curbwatch 写入</translation>
    </message>
    <message>
        <source>not a journal of this data file</source>
        <translation>不是此数据文件的编辑日志</translation>
    </message>
    <message>
        <source>The data file {path} is {what}. Curbwatch does not follow links in its data folder, so your data is not read through it and nothing replaces it; edits are off. To keep your data in another folder, start Curbwatch with --data-dir FOLDER (or set CURBWATCH_DATA_DIR), or put the file itself in place of the link.</source>
        <translation>数据文件 {path} 是{what}。Curbwatch 不会跟随其数据文件夹中的链接，因此不会经由它读取您的数据，也不会替换它；编辑已关闭。如需将数据保存在其他文件夹，请使用 --data-dir FOLDER 启动 Curbwatch（或设置 CURBWATCH_DATA_DIR），或用文件本身替换该链接。</translation>
    </message>
    <message>
        <source>No data file was found at {path}, but backups exist (the newest is from {when} UTC). Use File &gt; Restore from backup to bring them back.</source>
        <translation>在 {path} 未找到数据文件，但存在备份（最新的备份时间为 {when} UTC）。请使用“文件 &gt; 从备份恢复”将其找回。</translation>
    </message>
    <message>
        <source>Curbwatch stopped before your last {n} change(s) reached the data file; they were recovered from the journal of your edits.</source>
        <translation>Curbwatch 在您最近的 {n} 处修改写入数据文件之前停止运行；这些修改已从您的编辑日志中恢复。</translation>
    </message>
    <message>
        <source>The data file {path} was made by a newer version of Curbwatch (app_version {app_version}, data format {version}; this version reads up to {ours}). It is opened read-only so nothing in it is lost; update Curbwatch to edit your data.</source>
        <translation>数据文件 {path} 由更新版本的 Curbwatch 创建（app_version {app_version}，数据格式 {version}；本版本最多可读取格式 {ours}）。已以只读方式打开，以免丢失其中任何内容；请更新 Curbwatch 后再编辑您的数据。</translation>
    </message>
    <message>
        <source>Your data file uses the older format {old}; it was upgraded to format {new} in memory only, because this window is read-only.</source>
        <translation>您的数据文件使用旧格式 {old}；由于此窗口为只读，仅在内存中将其升级为格式 {new}。</translation>
    </message>
    <message>
        <source>Your data file was upgraded from format {old} to {new} in memory, but the upgraded file could not be written yet ({reason}) Curbwatch will try again at the next save; the old file is unchanged.</source>
        <translation>您的数据文件已在内存中从格式 {old} 升级为 {new}，但升级后的文件暂时无法写入（{reason}）。Curbwatch 将在下次保存时重试；旧文件保持不变。</translation>
    </message>
    <message>
        <source>Your data file was upgraded from format {old} to {new}. A copy of the old file was kept at {backup}.</source>
        <translation>您的数据文件已从格式 {old} 升级为 {new}。旧文件的副本保存在 {backup}。</translation>
    </message>
    <message>
        <source>No usable backup was found, so Curbwatch starts without your edits.</source>
        <translation>未找到可用的备份，因此 Curbwatch 在没有您的修改的情况下启动。</translation>
    </message>
    <message>
        <source>The damaged file is kept.</source>
        <translation>已损坏的文件已保留。</translation>
    </message>
    <message>
        <source>Curbwatch stopped before your edits first reached the data file.</source>
        <translation>Curbwatch 在您的修改首次写入数据文件之前停止运行。</translation>
    </message>
    <message>
        <source>Showing the backup of {when} UTC and the journal of your edits ({n} later change(s)) (read-only).</source>
        <translation>正在显示 {when} UTC 的备份和您的编辑日志（之后的 {n} 处修改）（只读）。</translation>
    </message>
    <message>
        <source>Restored from the backup of {when} UTC and the journal of your edits ({n} later change(s)).</source>
        <translation>已从 {when} UTC 的备份和您的编辑日志（之后的 {n} 处修改）恢复。</translation>
    </message>
    <message>
        <source>Showing the backup of {when} UTC (read-only).</source>
        <translation>正在显示 {when} UTC 的备份（只读）。</translation>
    </message>
    <message>
        <source>Restored from the backup of {when} UTC.</source>
        <translation>已从 {when} UTC 的备份恢复。</translation>
    </message>
    <message>
        <source>Showing the journal of your edits ({n} change(s)) (read-only).</source>
        <translation>正在显示您的编辑日志（{n} 处修改）（只读）。</translation>
    </message>
    <message>
        <source>Restored from the journal of your edits ({n} change(s)).</source>
        <translation>已从您的编辑日志恢复（{n} 处修改）。</translation>
    </message>
    <message>
        <source>Changes made between {start} and {end} could not be recovered.</source>
        <translation>{start} 至 {end} 之间所做的修改无法恢复。</translation>
    </message>
    <message>
        <source>Changes made after {start} could not be recovered.</source>
        <translation>{start} 之后所做的修改无法恢复。</translation>
    </message>
    <message>
        <source>Your data file {path} was missing.</source>
        <translation>您的数据文件 {path} 缺失。</translation>
    </message>
    <message>
        <source>Your data file was damaged ({reason}).</source>
        <translation>您的数据文件已损坏（{reason}）。</translation>
    </message>
    <message>
        <source>The data file {path} is damaged ({reason}) and could not be moved aside ({error}). It is opened read-only so it is not overwritten.</source>
        <translation>数据文件 {path} 已损坏（{reason}），且无法移到一旁（{error}）。已以只读方式打开，以免其被覆盖。</translation>
    </message>
    <message>
        <source>It was moved to {path}.</source>
        <translation>它已被移至 {path}。</translation>
    </message>
    <message>
        <source>It was left in place at {path}.</source>
        <translation>它仍保留在原处 {path}。</translation>
    </message>
    <message>
        <source>The journal of your edits holds {n} change(s) that belong to another version of the data file (it was replaced by another program or by hand), so they were not applied. The journal is kept at {path}.</source>
        <translation>您的编辑日志中有 {n} 处修改属于数据文件的另一个版本（该文件已被其他程序或手动替换），因此未予应用。编辑日志保存在 {path}。</translation>
    </message>
    <message>
        <source>The journal of your edits was {problem}; what could be read was used, and it is kept at {path}. A new journal was started.</source>
        <translation>您的编辑日志{problem}；已使用其中可读取的部分，日志保存在 {path}。已开始新的编辑日志。</translation>
    </message>
    <message>
        <source>not usable</source>
        <translation>无法使用</translation>
    </message>
    <message>
        <source>The recovered data could not be written back yet ({reason}) It is kept in memory and Curbwatch will try again at the next save.</source>
        <translation>恢复的数据暂时无法写回（{reason}）。数据保留在内存中，Curbwatch 将在下次保存时重试。</translation>
    </message>
    <message>
        <source>The lock file {path} is {what}, so Curbwatch does not open it: nothing outside the data folder may be touched through it. Your data is shown read-only and edits are off; remove that file and start Curbwatch again to edit.</source>
        <translation>锁文件 {path} 是{what}，因此 Curbwatch 不会打开它：不得经由它触及数据文件夹以外的任何内容。您的数据以只读方式显示，编辑已关闭；请删除该文件并重新启动 Curbwatch 以进行编辑。</translation>
    </message>
    <message>
        <source>The data folder {folder} is not writable ({reason}). Your data is shown read-only and edits are off; File &gt; Export CSV can still save what you see elsewhere.</source>
        <translation>数据文件夹 {folder} 不可写入（{reason}）。您的数据以只读方式显示，编辑已关闭；仍可通过“文件 &gt; 导出 CSV”将所见内容保存到其他位置。</translation>
    </message>
    <message>
        <source>process {pid} on {host}</source>
        <translation>{host} 上的进程 {pid}</translation>
    </message>
    <message>
        <source>process {pid}</source>
        <translation>进程 {pid}</translation>
    </message>
    <message>
        <source>an unknown process on {host}</source>
        <translation>{host} 上的未知进程</translation>
    </message>
    <message>
        <source>an unknown process</source>
        <translation>未知进程</translation>
    </message>
    <message>
        <source>Curbwatch is already open in another window ({who}). This window is read-only until the other one is closed.</source>
        <translation>Curbwatch 已在另一个窗口中打开（{who}）。在该窗口关闭之前，此窗口为只读。</translation>
    </message>
    <message>
        <source>Record {n}</source>
        <translation>第 {n} 条记录</translation>
    </message>
    <message>
        <source>Row {n}</source>
        <translation>第 {n} 行</translation>
    </message>
    <message>
        <source>{name} is {size} MB; an import may be at most {most} MB ({rows} rows): split it.</source>
        <translation>{name} 大小为 {size} MB；一次导入最多 {most} MB（{rows} 行）：请拆分该文件。</translation>
    </message>
    <message>
        <source>{path} is a folder, not a file.</source>
        <translation>{path} 是文件夹，不是文件。</translation>
    </message>
    <message>
        <source>{name} cannot be read: {reason}.</source>
        <translation>无法读取 {name}：{reason}。</translation>
    </message>
    <message>
        <source>{name} is a workbook or an archive (.xlsx, .zip): Curbwatch imports CSV or JSON. In your spreadsheet, save the sheet as &quot;CSV UTF-8&quot;.</source>
        <translation>{name} 是工作簿或压缩包（.xlsx、.zip）：Curbwatch 只导入 CSV 或 JSON。请在电子表格软件中将工作表另存为“CSV UTF-8”。</translation>
    </message>
    <message>
        <source>{name} is not valid UTF-16 text ({reason}).</source>
        <translation>{name} 不是有效的 UTF-16 文本（{reason}）。</translation>
    </message>
    <message>
        <source>{name} looks like a binary file, not CSV or JSON text: save it as &quot;CSV UTF-8&quot;.</source>
        <translation>{name} 看起来是二进制文件，而不是 CSV 或 JSON 文本：请另存为“CSV UTF-8”。</translation>
    </message>
    <message>
        <source>{name} is not UTF-8 text (byte 0x{byte} on line {line}), so names with accents or in Chinese would come out wrong: save it as UTF-8 (in Excel: &quot;CSV UTF-8&quot;; in a text editor: encoding UTF-8) and import it again.</source>
        <translation>{name} 不是 UTF-8 文本（第 {line} 行的字节 0x{byte}），带重音符号或中文的名称会显示错误：请另存为 UTF-8（Excel 中选择“CSV UTF-8”；文本编辑器中选择 UTF-8 编码）后重新导入。</translation>
    </message>
    <message>
        <source>{name} has more than {most} rows; an import takes at most {most}: split the file.</source>
        <translation>{name} 超过 {most} 行；一次导入最多 {most} 行：请拆分该文件。</translation>
    </message>
    <message>
        <source>{name}, row {row}: {cells} cells, but the header has {columns} columns (an unquoted comma in a cell?).</source>
        <translation>{name} 第 {row} 行：有 {cells} 个单元格，但表头只有 {columns} 列（单元格中是否有未加引号的逗号？）。</translation>
    </message>
    <message>
        <source>{name} is not valid CSV (row {row}: {reason}): a quote that is never closed swallows the rest of the file. Nothing was imported.</source>
        <translation>{name} 不是有效的 CSV（第 {row} 行：{reason}）：未闭合的引号会吞掉文件的其余部分。未导入任何内容。</translation>
    </message>
    <message>
        <source>column {n}</source>
        <translation>第 {n} 列</translation>
    </message>
    <message>
        <source>{name} has two columns named {label} (columns {first} and {second}): rename one so each column says which field it is.</source>
        <translation>{name} 中有两列都名为 {label}（第 {first} 列和第 {second} 列）：请重命名其中一列，使每列都对应明确的字段。</translation>
    </message>
    <message>
        <source>{name} is not valid JSON: {reason}.</source>
        <translation>{name} 不是有效的 JSON：{reason}。</translation>
    </message>
    <message>
        <source>{name} holds no list of records: Curbwatch imports a JSON list of objects, one a record, or a file exported by Curbwatch.</source>
        <translation>{name} 不包含记录列表：Curbwatch 导入由对象组成的 JSON 列表（每个对象一条记录），或由 Curbwatch 导出的文件。</translation>
    </message>
    <message>
        <source>{name} has {n} records; an import takes at most {most}: split the file.</source>
        <translation>{name} 有 {n} 条记录；一次导入最多 {most} 条：请拆分该文件。</translation>
    </message>
    <message>
        <source>{name}, record {n}: not an object with fields, but {type}.</source>
        <translation>{name} 第 {n} 条记录：不是带字段的对象，而是 {type}。</translation>
    </message>
    <message>
        <source>{name} is empty.</source>
        <translation>{name} 是空的。</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <source>a symbolic link to {target}</source>
        <translation>指向 {target} 的符号链接</translation>
    </message>
    <message>
        <source>a symbolic link</source>
        <translation>符号链接</translation>
    </message>
    <message>
        <source>a regular file</source>
        <translation>普通文件</translation>
    </message>
    <message>
        <source>a named pipe (FIFO)</source>
        <translation>命名管道（FIFO）</translation>
    </message>
    <message>
        <source>a device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>套接字</translation>
    </message>
    <message>
        <source>a folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>非普通文件</translation>
    </message>
    <message>
        <source>a file with {n} hard links</source>
        <translation>有 {n} 个硬链接的文件</translation>
    </message>
    <message>
        <source>The data folder {folder} cannot be created ({reason}).</source>
        <translation>无法创建数据文件夹 {folder}（{reason}）。</translation>
    </message>
    <message>
        <source>Your edits will not be saved.</source>
        <translation>您的修改将不会被保存。</translation>
    </message>
    <message>
        <source>{n} of your changed records could not be used and were left out ({listed}{more}).</source>
        <translation>您修改的记录中有 {n} 条无法使用，已略过（{listed}{more}）。</translation>
    </message>
    <message>
        <source>The file as it was is kept in the backups folder.</source>
        <translation>原文件已保存在备份文件夹中。</translation>
    </message>
    <message>
        <source>{n} record(s) you added had the same id as a record in the bundled data and were given new ids ({listed}). Both are kept.</source>
        <translation>您新增的 {n} 条记录与内置数据中的记录 ID 相同，已分配新的 ID（{listed}）。两者均已保留。</translation>
    </message>
    <message>
        <source>The bundled dataset was updated ({old} → {new}). Your changes were kept; {n} of them conflict with the update (Edit &gt; Show my changes).</source>
        <translation>内置数据集已更新（{old} → {new}）。您的修改已保留；其中 {n} 处与更新冲突（编辑 &gt; 显示我的修改）。</translation>
    </message>
    <message>
        <source>The bundled dataset was updated ({old} → {new}). Your changes were kept.</source>
        <translation>内置数据集已更新（{old} → {new}）。您的修改已保留。</translation>
    </message>
    <message>
        <source>Records brought back from the journal: {names}{more}.</source>
        <translation>从编辑日志中找回的记录：{names}{more}。</translation>
    </message>
    <message>
        <source>The data folder {folder} cannot be used.</source>
        <translation>无法使用数据文件夹 {folder}。</translation>
    </message>
    <message>
        <source>Nothing was saved: the data folder {folder} is not usable.</source>
        <translation>未保存任何内容：数据文件夹 {folder} 无法使用。</translation>
    </message>
    <message>
        <source>The data folder {folder} is not usable.</source>
        <translation>数据文件夹 {folder} 无法使用。</translation>
    </message>
    <message>
        <source>Nothing was restored: the data folder {folder} is not usable.</source>
        <translation>未恢复任何内容：数据文件夹 {folder} 无法使用。</translation>
    </message>
    <message>
        <source> and {n} more</source>
        <translation>等另外 {n} 项</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>字符串</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>true/false</source>
        <translation>true/false（布尔值）</translation>
    </message>
    <message>
        <source>the top level is {kind}, not an object</source>
        <translation>顶层是{kind}，而不是对象</translation>
    </message>
    <message>
        <source>no format field</source>
        <translation>没有 format 字段</translation>
    </message>
    <message>
        <source>not a {name} file (format {found})</source>
        <translation>不是 {name} 文件（format 为 {found}）</translation>
    </message>
    <message>
        <source>no schema_version</source>
        <translation>没有 schema_version</translation>
    </message>
    <message>
        <source>schema_version {found} is not a positive whole number</source>
        <translation>schema_version {found} 不是正整数</translation>
    </message>
    <message>
        <source>the data field is missing or not an object</source>
        <translation>data 字段缺失或不是对象</translation>
    </message>
    <message>
        <source>format {version} is too old to upgrade (no step from {step} to {next})</source>
        <translation>格式 {version} 太旧，无法升级（没有从 {step} 到 {next} 的步骤）</translation>
    </message>
    <message>
        <source>upgrading from format {step} failed ({problem})</source>
        <translation>从格式 {step} 升级失败（{problem}）</translation>
    </message>
    <message>
        <source>upgrading from format {step} did not give an object</source>
        <translation>从格式 {step} 升级后得到的不是对象</translation>
    </message>
    <message>
        <source>invalid data: {problem}</source>
        <translation>数据无效：{problem}</translation>
    </message>
    <message>
        <source>contains {name}, which JSON does not allow</source>
        <translation>包含 JSON 不允许的 {name}</translation>
    </message>
    <message>
        <source>the number {number} is too large</source>
        <translation>数字 {number} 太大</translation>
    </message>
    <message>
        <source>an invalid character (a lone surrogate) in {what} {value}</source>
        <translation>{what} {value} 中有无效字符（孤立代理项）</translation>
    </message>
    <message>
        <source>the key {key} appears twice in one object</source>
        <translation>键 {key} 在同一对象中出现了两次</translation>
    </message>
    <message>
        <source>nested more than {depth} levels deep</source>
        <translation>嵌套超过 {depth} 层</translation>
    </message>
    <message>
        <source>the text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>the key</source>
        <translation>键</translation>
    </message>
    <message>
        <source>expected bytes, got {kind}</source>
        <translation>应为字节，实际为 {kind}</translation>
    </message>
    <message>
        <source>too large ({size:,} bytes; the limit is {limit:,})</source>
        <translation>太大（{size:,} 字节；上限为 {limit:,}）</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>为空</translation>
    </message>
    <message>
        <source>only zero bytes (typical of a power cut during a write)</source>
        <translation>只有零字节（写入时断电的典型情况）</translation>
    </message>
    <message>
        <source>not valid UTF-8 text at byte {byte}</source>
        <translation>在第 {byte} 字节处不是有效的 UTF-8 文本</translation>
    </message>
    <message>
        <source>not valid JSON at byte {byte} (line {line}, column {column}: {problem})</source>
        <translation>在第 {byte} 字节处不是有效的 JSON（第 {line} 行，第 {column} 列：{problem}）</translation>
    </message>
    <message>
        <source>not readable as JSON ({problem})</source>
        <translation>无法作为 JSON 读取（{problem}）</translation>
    </message>
    <message>
        <source>Nothing was saved: the backups folder {path} is {what}, and Curbwatch does not write through links in its data folder. Replace it with an ordinary folder.</source>
        <translation>未保存任何内容：备份文件夹 {path} 是{what}，而 Curbwatch 不会通过其数据文件夹中的链接写入。请将其替换为普通文件夹。</translation>
    </message>
    <message>
        <source>The backup {path} could not be verified after writing it ({reason}); no older backups were removed.</source>
        <translation>备份 {path} 写入后无法验证（{reason}）；未删除任何较早的备份。</translation>
    </message>
    <message>
        <source>the list</source>
        <translation>名单</translation>
    </message>
    <message>
        <source>{where} is not valid UTF-16 text ({reason}).</source>
        <translation>{where} 不是有效的 UTF-16 文本（{reason}）。</translation>
    </message>
    <message>
        <source>{where} looks like a binary file (a spreadsheet such as .xlsx?): save it as CSV (UTF-8) or as a text file, one name a line.</source>
        <translation>{where} 看起来是二进制文件（例如 .xlsx 电子表格？）：请将其另存为 CSV（UTF-8）或文本文件，每行一个名称。</translation>
    </message>
    <message>
        <source>{where} is not UTF-8 text (byte 0x{byte:02x} on line {line}): save it as UTF-8 (in Excel: &quot;CSV UTF-8&quot;; in a text editor: encoding UTF-8).</source>
        <translation>{where} 不是 UTF-8 文本（第 {line} 行的字节 0x{byte:02x}）：请将其另存为 UTF-8（在 Excel 中：“CSV UTF-8”；在文本编辑器中：编码 UTF-8）。</translation>
    </message>
    <message>
        <source>{path} is {mb:.0f} MB; a name list may be at most {cap} MB ({names:,} names): split it.</source>
        <translation>{path} 大小为 {mb:.0f} MB；名单最大为 {cap} MB（{names:,} 个名称）：请将其拆分。</translation>
    </message>
    <message>
        <source>cannot read {path}: {reason}</source>
        <translation>无法读取 {path}：{reason}</translation>
    </message>
    <message>
        <source>{where} is not valid CSV (line {line}: {reason}); an unclosed quote swallows the rest of the file.</source>
        <translation>{where} 不是有效的 CSV（第 {line} 行：{reason}）；未闭合的引号会吞掉文件的其余部分。</translation>
    </message>
    <message>
        <source>{where} has no column {column}; its first line has: {columns}.</source>
        <translation>{where} 没有列 {column}；其第一行为：{columns}。</translation>
    </message>
    <message>
        <source>{where} has no `name` column (its first line has: {columns}): name the column of names `name`, choose the column, or save the names as a text file, one a line.</source>
        <translation>{where} 没有 `name` 列（其第一行为：{columns}）：请将名称所在列命名为 `name`，或选择该列，或将名称另存为文本文件，每行一个。</translation>
    </message>
    <message>
        <source>{where} holds no names.</source>
        <translation>{where} 中没有名称。</translation>
    </message>
    <message>
        <source>{where} holds {n:,} names; screening takes at most {cap:,} at a time: split the list.</source>
        <translation>{where} 包含 {n:,} 个名称；筛查一次最多处理 {cap:,} 个：请拆分名单。</translation>
    </message>
    <message>
        <source>name {number} of {where} is {n:,} characters long (at most {cap}): is this a list of names, one a line?</source>
        <translation>{where} 的第 {number} 个名称长 {n:,} 个字符（最多 {cap} 个）：这是每行一个名称的名单吗？</translation>
    </message>
</context>
</TS>
