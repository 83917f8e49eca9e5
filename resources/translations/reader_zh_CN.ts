<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>IssueTreeModel</name>
    <message>
        <location filename="../../reader/gui/issue_tree.py" line="65"/>
        <source>Undated</source>
        <translation>未注明日期</translation>
    </message>
    <message>
        <location filename="../../reader/gui/issue_tree.py" line="66"/>
        <source>Unknown publication</source>
        <translation>未知报刊</translation>
    </message>
    <message>
        <location filename="../../reader/gui/issue_tree.py" line="79"/>
        <source>%n articles</source>
        <translation>%n 篇</translation>
    </message>
    <message>
        <location filename="../../reader/gui/issue_tree.py" line="127"/>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../reader/gui/main_window.py" line="80"/>
        <location filename="../../reader/gui/main_window.py" line="251"/>
        <source>Newspaper Reader</source>
        <translation>报刊阅览</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="113"/>
        <source>Search the archive (Ctrl+F)</source>
        <translation>检索全部报刊（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="123"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="144"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="145"/>
        <source>Import Files…</source>
        <translation>导入文件…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="146"/>
        <source>Import Folder…</source>
        <translation>导入文件夹…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="148"/>
        <source>Open Inbox Folder</source>
        <translation>打开收件文件夹</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="149"/>
        <source>Open Data Folder</source>
        <translation>打开数据文件夹</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="150"/>
        <source>Rebuild Index</source>
        <translation>重建索引</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="152"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="154"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="155"/>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="156"/>
        <source>Copy Article with Citation</source>
        <translation>复制文章（含出处）</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="158"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="159"/>
        <source>Larger Text</source>
        <translation>放大文字</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="160"/>
        <source>Smaller Text</source>
        <translation>缩小文字</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="161"/>
        <source>Normal Text Size</source>
        <translation>默认文字大小</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="162"/>
        <source>Dark Theme</source>
        <translation>深色主题</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="165"/>
        <source>Full Screen</source>
        <translation>全屏</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="167"/>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="168"/>
        <source>Back</source>
        <translation>后退</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="170"/>
        <source>Forward</source>
        <translation>前进</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="174"/>
        <source>Previous Article</source>
        <translation>上一篇</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="175"/>
        <source>Next Article</source>
        <translation>下一篇</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="176"/>
        <source>Next Match</source>
        <translation>下一处匹配</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="177"/>
        <source>Previous Match</source>
        <translation>上一处匹配</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="179"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="181"/>
        <location filename="../../reader/gui/main_window.py" line="533"/>
        <source>Search Syntax</source>
        <translation>检索语法</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="184"/>
        <source>Search</source>
        <translation>检索</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="273"/>
        <source>%1 issues, %2 articles</source>
        <translation>%1 期，%2 篇文章</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="311"/>
        <source>page %1</source>
        <translation>第%1版</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="312"/>
        <source>reporters: %1</source>
        <translation>记者：%1</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="313"/>
        <source>article %1 of %2</source>
        <translation>第 %1 篇，共 %2 篇</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="339"/>
        <source>match %1 of %2</source>
        <translation>第 %1 处，共 %2 处</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="360"/>
        <source>Searching…</source>
        <translation>正在检索…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="380"/>
        <source>Import Files</source>
        <translation>导入文件</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="380"/>
        <source>Issue files (*.txt)</source>
        <translation>报纸文本文件 (*.txt)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="385"/>
        <source>Import Folder</source>
        <translation>导入文件夹</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="394"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="417"/>
        <source>Importing %1</source>
        <translation>正在导入 %1</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="422"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="433"/>
        <source>%1 imported, %2 already present, %3 rejected</source>
        <translation>导入 %1 期，%2 期已存在，%3 个文件被拒绝</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="437"/>
        <source>; %1 files that are not .txt skipped</source>
        <translation>；跳过 %1 个非 .txt 文件</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="439"/>
        <source> (cancelled)</source>
        <translation>（已取消）</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="449"/>
        <source>Some files were not imported</source>
        <translation>部分文件未导入</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="450"/>
        <source>%1 files could not be imported.</source>
        <translation>有 %1 个文件未能导入。</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="467"/>
        <source>Rebuilding the index…</source>
        <translation>正在重建索引…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="486"/>
        <source>Drop to import these issues</source>
        <translation>松开即可导入这些报纸</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="526"/>
        <source>Article copied with its citation</source>
        <translation>已复制文章及出处</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="530"/>
        <source>疫苗 接种 — both words
疫苗 OR 核酸 — either
疫苗 -儿童 — without 儿童
&quot;核酸检测采样&quot; — the exact phrase
title:文明 — in the headline
date:2021-11 or date:2021-01-01..2021-12-31 — by date</source>
        <translation>疫苗 接种 — 同时包含两个词
疫苗 OR 核酸 — 包含任一个
疫苗 -儿童 — 包含“疫苗”但不含“儿童”
"核酸检测采样" — 完全一致的短语
title:文明 — 只在标题中
date:2021-11 或 date:2021-01-01..2021-12-31 — 按日期</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../reader/gui/search_panel.py" line="50"/>
        <source>By relevance</source>
        <translation>按相关度</translation>
    </message>
    <message>
        <location filename="../../reader/gui/search_panel.py" line="51"/>
        <source>Newest first</source>
        <translation>最新在前</translation>
    </message>
    <message>
        <location filename="../../reader/gui/search_panel.py" line="53"/>
        <source>Dates, e.g. 2021-01..2021-12</source>
        <translation>日期，如 2021-01..2021-12</translation>
    </message>
    <message>
        <location filename="../../reader/gui/search_panel.py" line="71"/>
        <source>Type in the search box and press Enter.</source>
        <translation>在检索框中输入后按回车。</translation>
    </message>
    <message>
        <location filename="../../reader/gui/search_panel.py" line="88"/>
        <source>No article contains “%1”.</source>
        <translation>没有文章包含“%1”。</translation>
    </message>
    <message>
        <location filename="../../reader/gui/search_panel.py" line="91"/>
        <source>%1 articles found</source>
        <translation>找到 %1 篇文章</translation>
    </message>
    <message>
        <location filename="../../reader/gui/search_panel.py" line="93"/>
        <source> (showing the first %1)</source>
        <translation>（显示前 %1 篇）</translation>
    </message>
</context>
</TS>
