<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>ArticleExport</name>
        <message>
            <source>Print Article</source>
            <translation>打印文章</translation>
        </message>
        <message>
            <source>Save Article as PDF</source>
            <translation>将文章存为 PDF</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>PDF 文件 (*.pdf)</translation>
        </message>
        <message>
            <source>Saved %1</source>
            <translation>已保存 %1</translation>
        </message>
    </context>
    <context>
        <name>BookmarksPanel</name>
        <message>
            <source>Bookmarks</source>
            <translation>书签</translation>
        </message>
        <message>
            <source>Find in notes</source>
            <translation>在笔记中查找</translation>
        </message>
        <message>
            <source>Edit Note…</source>
            <extracomment>The buttons that open a file dialog (off in reading-room mode: set_files_allowed).</extracomment>
            <translation>编辑笔记…</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>删除</translation>
        </message>
        <message>
            <source>Export…</source>
            <translation>导出…</translation>
        </message>
        <message>
            <source>PDF…</source>
            <translation>存为 PDF…</translation>
        </message>
        <message>
            <source>Import…</source>
            <translation>导入…</translation>
        </message>
        <message>
            <source>(untitled)</source>
            <translation>（无标题）</translation>
        </message>
        <message>
            <source>This article is already bookmarked</source>
            <translation>本文已加入书签</translation>
        </message>
        <message>
            <source>Article bookmarked</source>
            <translation>已加入书签</translation>
        </message>
        <message>
            <source>Add Note</source>
            <translation>添加笔记</translation>
        </message>
        <message>
            <source>Edit Note</source>
            <translation>编辑笔记</translation>
        </message>
        <message>
            <source>CSV for spreadsheets (*.csv)</source>
            <translation>CSV 表格 (*.csv)</translation>
        </message>
        <message>
            <source>Markdown (*.md)</source>
            <translation>Markdown (*.md)</translation>
        </message>
        <message>
            <source>Export Bookmarks</source>
            <translation>导出书签</translation>
        </message>
        <message>
            <source>bookmarks.csv</source>
            <translation>书签.csv</translation>
        </message>
        <message>
            <source>Saved %1</source>
            <translation>已保存 %1</translation>
        </message>
        <message>
            <source>bookmarked articles.pdf</source>
            <translation>书签文章.pdf</translation>
        </message>
        <message>
            <source>Save Bookmarked Articles as PDF</source>
            <translation>将书签文章存为 PDF</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>PDF 文件 (*.pdf)</translation>
        </message>
        <message>
            <source>None of these articles can be read: their issues are gone.</source>
            <translation>这些文章都无法读取：所在期次已不在文库中。</translation>
        </message>
        <message>
            <source>Bookmarked articles</source>
            <translation>书签文章</translation>
        </message>
        <message>
            <source>(%1 articles left out: their issues are gone)</source>
            <translation>（略去 %1 篇：所在期次已不在文库中）</translation>
        </message>
        <message>
            <source>Import Bookmarks</source>
            <translation>导入书签</translation>
        </message>
        <message>
            <source>Could not import %1: %2</source>
            <translation>无法导入 %1：%2</translation>
        </message>
        <message>
            <source>Bookmarks imported: %1</source>
            <translation>已导入书签：%1</translation>
        </message>
    </context>
    <context>
        <name>Citations</name>
        <message>
            <source>GB/T 7714-2015</source>
            <translation>GB/T 7714-2015 著录格式</translation>
        </message>
        <message>
            <source>Plain</source>
            <translation>通用格式</translation>
        </message>
        <message>
            <source>Citation copied: %1</source>
            <translation>已复制引文：%1</translation>
        </message>
        <message>
            <source>Article copied with its citation</source>
            <translation>已复制文章及出处</translation>
        </message>
    </context>
    <context>
        <name>CommonWording</name>
        <message>
            <source>unknown publication</source>
            <translation>未知报刊</translation>
        </message>
        <message>
            <source>Unknown publication</source>
            <translation>未知报刊</translation>
        </message>
        <message>
            <source>undated</source>
            <translation>未注明日期</translation>
        </message>
        <message>
            <source>Undated</source>
            <translation>未注明日期</translation>
        </message>
    </context>
    <context>
        <name>CorrectionDialog</name>
        <message>
            <source>Correct Issue Details</source>
            <translation>更正本期信息</translation>
        </message>
        <message>
            <source>Leave a field empty to use what was read from the file (shown in grey).</source>
            <translation>留空则使用从文件中读出的内容（灰色显示）。</translation>
        </message>
        <message>
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <source>Publication</source>
            <translation>报刊名称</translation>
        </message>
        <message>
            <source>Date (2021-11-09 or 2021-11)</source>
            <translation>日期（2021-11-09 或 2021-11）</translation>
        </message>
        <message>
            <source>Page</source>
            <translation>版次</translation>
        </message>
        <message>
            <source>(not found in the file)</source>
            <translation>（文件中未找到）</translation>
        </message>
    </context>
    <context>
        <name>ErrorWording</name>
        <message>
            <source>the file does not exist</source>
            <extracomment>%1 … %9 in a wording, each replaced by a value.</extracomment>
            <translation>文件不存在</translation>
        </message>
        <message>
            <source>this is a folder, not a file</source>
            <translation>这是文件夹，不是文件</translation>
        </message>
        <message>
            <source>this is not a file but a device, a pipe or a socket, which the reader does not read</source>
            <translation>这不是普通文件，而是设备、管道或套接字，阅览程序不读取这类对象</translation>
        </message>
        <message>
            <source>this is a link to a file that does not exist</source>
            <translation>这是一个链接，它指向的文件不存在</translation>
        </message>
        <message>
            <source>this is a link to a folder, which is not followed; import that folder itself</source>
            <translation>这是指向文件夹的链接，导入时不跟随；请直接导入那个文件夹</translation>
        </message>
        <message>
            <source>the file cannot be read (permission denied)</source>
            <translation>无法读取文件（没有读取权限）</translation>
        </message>
        <message>
            <source>the file cannot be read (%1)</source>
            <translation>无法读取文件（%1）</translation>
        </message>
        <message>
            <source>the file is empty</source>
            <translation>文件是空的</translation>
        </message>
        <message>
            <source>the file contains no text, only blank lines</source>
            <translation>文件里没有文字，只有空行</translation>
        </message>
        <message>
            <source>the file is too large to be a newspaper issue (%1 MB; the limit is %2 MB)</source>
            <translation>文件太大，不像是一期报纸（%1 MB；上限为 %2 MB）</translation>
        </message>
        <message>
            <source>this is a binary file, not a text file</source>
            <translation>这是二进制文件，不是文本文件</translation>
        </message>
        <message>
            <source>the text is in an unknown encoding (not UTF-8, UTF-16 or GB18030)</source>
            <translation>文本的编码无法识别（不是 UTF-8、UTF-16 或 GB18030）</translation>
        </message>
        <message>
            <source>the text is damaged: it is not valid %1</source>
            <translation>文本已损坏：不是有效的 %1 编码</translation>
        </message>
        <message>
            <source>the text could not be split into articles (%1)</source>
            <translation>无法把文本切分成文章（%1）</translation>
        </message>
        <message>
            <source>“%1” is not a date: write 2021, 2021-11 or 2021-11-09</source>
            <translation>“%1”不是日期：请写成 2021、2021-11 或 2021-11-09</translation>
        </message>
        <message>
            <source>“%1” has no such month</source>
            <translation>“%1”中的月份不存在</translation>
        </message>
        <message>
            <source>“%1” has no such day</source>
            <translation>“%1”中的日不存在</translation>
        </message>
        <message>
            <source>“%1:” needs something after the colon</source>
            <translation>“%1:”的冒号后面要写上查找的内容</translation>
        </message>
        <message>
            <source>unknown field “%1:”; use title:, date: or publication:</source>
            <translation>没有“%1:”这种限定；请用 title:（标题）、date:（日期）或 publication:（报纸）</translation>
        </message>
        <message>
            <source>the query is too long (%1 characters; the limit is %2)</source>
            <translation>检索词太长（%1 个字符；上限是 %2 个）</translation>
        </message>
        <message>
            <source>the query “%1” holds bytes that are not text in this system's encoding</source>
            <translation>检索词“%1”中有不能按本系统编码读成文字的字节</translation>
        </message>
        <message>
            <source>there is no issue with id %1 in the library</source>
            <translation>资料库里没有编号为 %1 的期次</translation>
        </message>
        <message>
            <source>“%1” cannot be corrected; only %2</source>
            <translation>“%1”不能更正；只能更正%2</translation>
        </message>
        <message>
            <source>“%1” is not a date: write it as 2021-11-09, or 2021-11 for a month.</source>
            <translation>“%1”不是日期：请写成 2021-11-09，只知道月份时写成 2021-11。</translation>
        </message>
        <message>
            <source>the %1 cannot be empty; clear the correction instead</source>
            <translation>%1不能为空；要恢复从文件读出的内容，请清除这项更正</translation>
        </message>
        <message>
            <source>nothing was removed: %1</source>
            <translation>什么也没有删除：%1</translation>
        </message>
        <message>
            <source>another copy of the reader is changing the library in %1; wait until it has finished, or close it</source>
            <translation>另一个阅览程序正在修改 %1 中的资料库；请等它完成，或者关闭它</translation>
        </message>
        <message>
            <source>another copy of the reader (process %1 on %2) is changing the library in %3; wait until it has finished, or close it</source>
            <translation>另一个阅览程序（%2 上的进程 %1）正在修改 %3 中的资料库；请等它完成，或者关闭它</translation>
        </message>
        <message>
            <source>the library in %1 cannot be locked against other copies of the reader (%2); keep the library on a local disk</source>
            <translation>无法给 %1 中的资料库加锁以防其他阅览程序同时修改（%2）；请把资料库放在本机磁盘上</translation>
        </message>
        <message>
            <source>the library in %1 can only be read here: its folder cannot be written (a read-only drive or network share, or files of another user account), so nothing can be imported, corrected or removed and the index cannot be rebuilt</source>
            <translation>%1 中的资料库在这里只能阅读：它的文件夹无法写入（只读的磁盘或网络共享，或属于另一个用户账户的文件），因此不能导入、更正或删除报纸，也不能重建索引</translation>
        </message>
        <message>
            <source>the library has no up-to-date search index yet: import issues, or rebuild it (File → Rebuild Index)</source>
            <translation>资料库还没有最新的检索索引：请导入报纸，或重建索引（文件 → 重建索引）</translation>
        </message>
        <message>
            <source>stopped on request; the rest is done next time</source>
            <translation>已按要求停止；其余部分下次继续</translation>
        </message>
        <message>
            <source>the rebuild of the index was stopped; the old index is still in use</source>
            <translation>索引重建已停止，仍使用原索引</translation>
        </message>
        <message>
            <source>nothing of this batch was indexed: %1</source>
            <translation>这一批报纸都没有写入索引：%1</translation>
        </message>
        <message>
            <source>the library's copy of %1 is missing (%2); put it back, or import the file again</source>
            <translation>馆内保存的 %1 副本不见了（%2）；请放回原处，或重新导入该文件</translation>
        </message>
        <message>
            <source>the rebuilt index could not replace the one in %1 (%2): another program has it open; the old index is still in use; close other windows of the reader and rebuild again</source>
            <translation>重建的索引无法替换 %1 中的旧索引（%2）：另一个程序正在使用它；旧索引仍在使用中；请关闭阅览器的其他窗口后重新重建</translation>
        </message>
        <message>
            <source>the library's catalog %1 cannot be used (%2); nothing was changed</source>
            <translation>图书馆的目录文件 %1 无法使用（%2）；未做任何改动</translation>
        </message>
        <message>
            <source>the library's catalog was damaged; it has been rebuilt from the stored issues, and the damaged file is kept as %1</source>
            <translation>图书馆的目录文件已损坏，已根据馆内保存的报纸重建；损坏的文件保留为 %1</translation>
        </message>
        <message>
            <source>could not write %1 (%2); the import stopped there</source>
            <translation>无法写入 %1（%2）；导入已在此停止</translation>
        </message>
        <message>
            <source>the library's folder of stored issues is missing (%1); is the drive holding it connected? Nothing was changed</source>
            <translation>馆内保存报纸的文件夹不见了（%1）；存放它的磁盘是否已连接？未做任何改动</translation>
        </message>
        <message>
            <source>the installed Whoosh is version %1, but this reader works only with Whoosh %2: reinstall the reader (pip install .) to get it</source>
            <translation>已安装的 Whoosh 版本是 %1，本阅览器只能使用 Whoosh %2：请重新安装阅览器（pip install .）以获得该版本</translation>
        </message>
        <message>
            <source>publication</source>
            <translation>报刊名称</translation>
        </message>
        <message>
            <source>date</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>page</source>
            <translation>版次</translation>
        </message>
        <message>
            <source>, </source>
            <translation>、</translation>
        </message>
        <message>
            <source>Something went wrong that the reader did not expect: %1</source>
            <translation>发生了意外错误：%1</translation>
        </message>
    </context>
    <context>
        <name>Export</name>
        <message>
            <source>CSV for spreadsheets (*.csv)</source>
            <extracomment>The size of a file dialog where the screen has room for it (else nine tenths of the screen). The correction dialog's width where the screen allows: room for a file name and a publication. Where exports (bookmarks, missing issues, statistics) were last saved, in window.ini.</extracomment>
            <translation>CSV 表格 (*.csv)</translation>
        </message>
    </context>
    <context>
        <name>FacetsView</name>
        <message>
            <source>Hits per month; click a bar to search only its period</source>
            <extracomment>Papers named with their counts; the rest are summed up ("and 12 more papers").</extracomment>
            <translation>每月命中篇数；点击柱条只查该时段</translation>
        </message>
        <message>
            <source>Hits per month</source>
            <translation>每月命中篇数</translation>
        </message>
        <message>
            <source>and %1 more papers (%2)</source>
            <translation>另有 %1 种报纸（%2 篇）</translation>
        </message>
        <message>
            <source>Papers:</source>
            <translation>报纸：</translation>
        </message>
        <message>
            <source>Years:</source>
            <translation>年份：</translation>
        </message>
    </context>
    <context>
        <name>FolderPathDialog</name>
        <message>
            <source>Folder Location</source>
            <translation>文件夹位置</translation>
        </message>
        <message>
            <source>No file manager could open this folder. Its location is below: copy it into a file manager or a file dialog.</source>
            <translation>没有文件管理器能打开这个文件夹。它的位置如下，可复制后粘贴到文件管理器或文件对话框中。</translation>
        </message>
        <message>
            <source>Copy Path</source>
            <translation>复制路径</translation>
        </message>
    </context>
    <context>
        <name>ImportReportDialog</name>
        <message>
            <source>Import Report</source>
            <translation>导入报告</translation>
        </message>
        <message>
            <source>Copy</source>
            <translation>复制</translation>
        </message>
        <message>
            <source>Copy the whole report as plain text</source>
            <translation>将整份报告复制为纯文本</translation>
        </message>
        <message>
            <source>Open %1 Folder</source>
            <translation>打开 %1 文件夹</translation>
        </message>
        <message>
            <source>Files taken from the inbox were moved: imported and already present ones to %1, rejected ones to %2. Files not reached before a cancel stay in the inbox.</source>
            <translation>收件文件夹中的文件已移走：已导入和已存在的移到 %1，被拒绝的移到 %2。取消前还没处理到的文件仍留在收件文件夹中。</translation>
        </message>
        <message>
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>结果</translation>
        </message>
        <message>
            <source>Reason or matching issue</source>
            <translation>原因或对应的期次</translation>
        </message>
    </context>
    <context>
        <name>ImportWording</name>
        <message>
            <source>Import cancelled: %1 imported before the cancel (%2 already present, %3 rejected); the other files were not imported and stay where they were</source>
            <extracomment>Where the inbox watcher moves the files it handed over, by outcome (see reader.gui.inbox). The dialog's size where the screen allows it; a small screen gets nine tenths of its room. The table is never shorter than this, however few its rows (room to widen the dialog into). Imported, but with damaged characters (shown as U+FFFD).</extracomment>
            <translation>导入已取消：取消前已导入 %1 期（%2 期已存在，%3 个文件被拒绝）；其余文件没有导入，仍在原处</translation>
        </message>
        <message>
            <source>%1 imported, %2 already present, %3 rejected</source>
            <translation>导入 %1 期，%2 期已存在，%3 个文件被拒绝</translation>
        </message>
        <message>
            <source>; %1 files that are not .txt skipped</source>
            <translation>；跳过 %1 个非 .txt 文件</translation>
        </message>
        <message>
            <source>; %1 imported with damaged characters</source>
            <translation>；%1 个文件导入时有损坏的字符</translation>
        </message>
        <message>
            <source>rejected</source>
            <translation>被拒绝</translation>
        </message>
        <message>
            <source>already in the library as %1 (%2)</source>
            <translation>资料库中已有：%1（%2）</translation>
        </message>
        <message>
            <source>the same text as %1</source>
            <translation>与 %1 内容相同</translation>
        </message>
        <message>
            <source>already present</source>
            <translation>已存在</translation>
        </message>
        <message>
            <source>%1, %2 articles</source>
            <translation>%1，%2 篇文章</translation>
        </message>
        <message>
            <source>; damaged characters, shown as �: %1</source>
            <translation>；损坏的字符（显示为 �）：%1 个</translation>
        </message>
        <message>
            <source>imported</source>
            <translation>已导入</translation>
        </message>
    </context>
    <context>
        <name>Imports</name>
        <message>
            <source>Import Files</source>
            <translation>导入文件</translation>
        </message>
        <message>
            <source>Issue files (*.txt)</source>
            <translation>报纸文本文件 (*.txt)</translation>
        </message>
        <message>
            <source>Import Folder</source>
            <translation>导入文件夹</translation>
        </message>
        <message>
            <source>Importing…</source>
            <translation>正在导入…</translation>
        </message>
        <message>
            <source>Writing the search index…</source>
            <translation>正在写入索引…</translation>
        </message>
        <message>
            <source>Importing %1</source>
            <translation>正在导入 %1</translation>
        </message>
    </context>
    <context>
        <name>IndexJobs</name>
        <message>
            <source>Rebuilding the index…</source>
            <translation>正在重建索引…</translation>
        </message>
        <message>
            <source>Index rebuilt: %1 issues</source>
            <translation>重建索引完成：%1 期</translation>
        </message>
        <message>
            <source>Rebuild cancelled; the old index is still in use</source>
            <translation>重建索引已取消，仍使用原索引</translation>
        </message>
        <message>
            <source>Checking the library…</source>
            <translation>正在检查资料库…</translation>
        </message>
    </context>
    <context>
        <name>IssueCalendarDialog</name>
        <message>
            <source>Issue Calendar</source>
            <extracomment>Day states and their colours (legible on the light and the dark theme alike).</extracomment>
            <translation>期次日历</translation>
        </message>
        <message>
            <source>Publication</source>
            <translation>报刊名称</translation>
        </message>
        <message>
            <source>Year</source>
            <translation>年份</translation>
        </message>
        <message>
            <source>Export Missing Issues…</source>
            <translation>导出缺期清单…</translation>
        </message>
        <message>
            <source>issue</source>
            <translation>有刊</translation>
        </message>
        <message>
            <source>missing</source>
            <translation>缺期</translation>
        </message>
        <message>
            <source>duplicate</source>
            <translation>重复</translation>
        </message>
        <message>
            <source>off its rhythm</source>
            <translation>不合刊期</translation>
        </message>
        <message>
            <source>daily</source>
            <translation>每日出版</translation>
        </message>
        <message>
            <source>on weekdays</source>
            <translation>逢工作日出版</translation>
        </message>
        <message>
            <source>weekly (%1)</source>
            <translation>每周一期（%1）</translation>
        </message>
        <message>
            <source>twice a week (%1)</source>
            <translation>每周两期（%1）</translation>
        </message>
        <message>
            <source>on %1</source>
            <translation>逢%1出版</translation>
        </message>
        <message>
            <source>irregular (too few dated issues to tell)</source>
            <translation>不定期（有日期的期次太少，无法判断）</translation>
        </message>
        <message>
            <source>No dated issues yet.</source>
            <translation>尚无注明日期的期次。</translation>
        </message>
        <message>
            <source>Comes out %1. %2 days with an issue from %3 to %4; %5 missing, %6 duplicated, %7 off its rhythm, %8 dated to the month only.</source>
            <translation>刊期：%1。自 %3 至 %4 共 %2 天有刊；缺期 %5 天，重复 %6 天，不合刊期 %7 天，仅注明月份 %8 期。</translation>
        </message>
        <message>
            <source>Export Missing Issues</source>
            <translation>导出缺期清单</translation>
        </message>
        <message>
            <source>missing issues.csv</source>
            <translation>缺期清单.csv</translation>
        </message>
    </context>
    <context>
        <name>IssueCorrections</name>
        <message>
            <source>Issue details corrected</source>
            <translation>已更正本期信息</translation>
        </message>
    </context>
    <context>
        <name>IssueRemoval</name>
        <message>
            <source>Remove Issue…</source>
            <extracomment>Issues named in the confirmation's text; a longer list goes to its details.</extracomment>
            <translation>删除期次…</translation>
        </message>
        <message>
            <source>Select the issues to remove in the tree</source>
            <translation>请先在左侧目录中选择要删除的期次</translation>
        </message>
        <message>
            <source>Remove this issue from the library?</source>
            <translation>要从资料库中删除这一期吗？</translation>
        </message>
        <message>
            <source>Remove these %1 issues from the library?</source>
            <translation>要从资料库中删除这 %1 期吗？</translation>
        </message>
        <message>
            <source>… and %1 more</source>
            <translation>……另有 %1 期</translation>
        </message>
        <message>
            <source>Remove Issues</source>
            <translation>删除期次</translation>
        </message>
        <message>
            <source>The copy of its file kept in the library's data folder is deleted, with its articles in the search and any corrections made to it. The file it was imported from is not touched: import it again to bring the issue back.</source>
            <translation>资料库中保存的这一期文件副本将被删除，其文章不再能被检索，对它所做的更正也一并删除。当初导入时所用的原文件不受影响：重新导入即可恢复这一期。</translation>
        </message>
        <message>
            <source>The copies of their files kept in the library's data folder are deleted, with their articles in the search and any corrections made to them. The files they were imported from are not touched: import them again to bring the issues back.</source>
            <translation>资料库中保存的文件副本将被删除，其文章不再能被检索，对它们所做的更正也一并删除。当初导入时所用的原文件不受影响：重新导入即可恢复这些期次。</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>删除</translation>
        </message>
        <message>
            <source>Removing…</source>
            <translation>正在删除…</translation>
        </message>
        <message>
            <source>%1 issues removed</source>
            <translation>已删除 %1 期</translation>
        </message>
        <message>
            <source>These issues are no longer in the library; nothing was removed</source>
            <translation>这些期次已不在资料库中，未删除任何内容</translation>
        </message>
        <message>
            <source>%1 — %2, %3</source>
            <translation>%1 — %2，%3</translation>
        </message>
    </context>
    <context>
        <name>IssueTreeModel</name>
        <message>
            <source>%n articles</source>
            <extracomment>Stable across rebuilds (publication, year, month or issue id), to restore expansion. Issue nodes by issue id, for the titles that arrive later and for finding an article.</extracomment>
            <translation>%n 篇</translation>
        </message>
        <message>
            <source>{year}</source>
            <comment>year node of the issue tree</comment>
            <translation>{year}年</translation>
        </message>
        <message>
            <source>{name}</source>
            <comment>month node; {number} is 1-12, {name} the English name</comment>
            <translation>{number}月</translation>
        </message>
        <message>
            <source>(untitled)</source>
            <translation>（无标题）</translation>
        </message>
    </context>
    <context>
        <name>LibraryBackup</name>
        <message>
            <source>library backup %1.zip</source>
            <translation>文库备份 %1.zip</translation>
        </message>
        <message>
            <source>Back Up Library</source>
            <translation>备份文库</translation>
        </message>
        <message>
            <source>Library backups (*.zip)</source>
            <translation>文库备份 (*.zip)</translation>
        </message>
        <message>
            <source>Backing up the library…</source>
            <translation>正在备份文库…</translation>
        </message>
        <message>
            <source>Library backed up to %1</source>
            <translation>文库已备份到 %1</translation>
        </message>
        <message>
            <source>Backup cancelled; no file was written</source>
            <translation>备份已取消，未写入任何文件</translation>
        </message>
    </context>
    <context>
        <name>LibraryStatisticsDialog</name>
        <message>
            <source>Library Statistics</source>
            <extracomment>The dialog's size where the screen allows it. The tabs, by name (the history is left out in reading-room mode). The library changed while a count ran: count again when it is over. The reader cancelled the count of older issues: a later refresh (an import) does not start it again. The history's outcome icons, made here on the GUI thread (the rows are made on the statistics thread).</extracomment>
            <translation>文库统计</translation>
        </message>
        <message>
            <source>Counting…</source>
            <translation>正在统计…</translation>
        </message>
        <message>
            <source>Publications</source>
            <translation>报刊</translation>
        </message>
        <message>
            <source>Reporters</source>
            <translation>记者</translation>
        </message>
        <message>
            <source>Import History</source>
            <translation>导入记录</translation>
        </message>
        <message>
            <source>Export as CSV…</source>
            <translation>导出为 CSV…</translation>
        </message>
        <message>
            <source>Save the table shown, as listed, for a spreadsheet</source>
            <translation>按当前的列表保存所显示的表格，供电子表格使用</translation>
        </message>
        <message>
            <source>Publication / year</source>
            <translation>报刊 / 年份</translation>
        </message>
        <message>
            <source>Issues</source>
            <translation>期数</translation>
        </message>
        <message>
            <source>Articles</source>
            <translation>文章数</translation>
        </message>
        <message>
            <source>All publications</source>
            <translation>全部报刊</translation>
        </message>
        <message>
            <source>Find a reporter</source>
            <translation>查找记者</translation>
        </message>
        <message>
            <source>Publication</source>
            <translation>报刊名称</translation>
        </message>
        <message>
            <source>Reporter</source>
            <translation>记者</translation>
        </message>
        <message>
            <source>First issue</source>
            <translation>最早一期</translation>
        </message>
        <message>
            <source>Last issue</source>
            <translation>最近一期</translation>
        </message>
        <message>
            <source>Rejected files only</source>
            <translation>只列出被拒绝的文件</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>结果</translation>
        </message>
        <message>
            <source>Reason or matching issue</source>
            <translation>原因或对应的期次</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Stop reading issues; what was counted is kept</source>
            <translation>停止读取各期；已统计的部分会保留</translation>
        </message>
        <message>
            <source>Counting the reporters of issues imported before they were counted…</source>
            <translation>正在统计早先导入的各期中的记者…</translation>
        </message>
        <message>
            <source>Counting the reporters of issues imported before they were counted: %1 of %2</source>
            <translation>正在统计早先导入的各期中的记者：已读 %1 期，共 %2 期</translation>
        </message>
        <message>
            <source>Cancelling…</source>
            <translation>正在取消…</translation>
        </message>
        <message>
            <source>%1 publications, %2 issues, %3 articles; %4 reporters credited</source>
            <translation>%1 种报刊，%2 期，%3 篇文章；署名记者 %4 人</translation>
        </message>
        <message>
            <source>, </source>
            <translation>、</translation>
        </message>
        <message>
            <source>%1 articles credit no reporter (notices, advertisements and most briefs among them).</source>
            <translation>%1 篇文章没有署记者名（其中有公告、广告和大部分简讯）。</translation>
        </message>
        <message>
            <source>Stopped: the reporters of %1 issues are not counted; open the statistics again to go on.</source>
            <translation>已停止：还有 %1 期的记者没有统计；再次打开文库统计即可继续。</translation>
        </message>
        <message>
            <source>The reporters of %1 issues are not counted: their stored copies could not be read.</source>
            <translation>有 %1 期的记者没有统计：无法读取文库中保存的副本。</translation>
        </message>
        <message>
            <source>The reporters of %1 issues imported before they were counted are being read.</source>
            <translation>正在读取早先导入的 %1 期，统计其中的记者。</translation>
        </message>
        <message>
            <source>The library can only be read here: these reporters are counted again when the reader is next started.</source>
            <translation>此处只能读取文库：这些记者会在下次启动本程序时重新统计。</translation>
        </message>
        <message>
            <source>These reporters could not be saved in the catalog (is the disk full?): they are counted again when the reader is next started.</source>
            <translation>这些记者未能存入目录（磁盘是否已满？）：下次启动阅读器时会重新统计。</translation>
        </message>
        <message>
            <source>; removed from the library since</source>
            <translation>；之后已从文库中移除</translation>
        </message>
        <message>
            <source>%1 files rejected.</source>
            <translation>被拒绝的文件共 %1 个。</translation>
        </message>
        <message>
            <source>This library's catalog was made by an older version of the reader, which kept no import history: its issues are listed with the time they were imported; files rejected then are not known.</source>
            <translation>此文库的目录由旧版阅读器建立，当时不保存导入记录：各期按导入时间列出，当时被拒绝的文件无从得知。</translation>
        </message>
        <message>
            <source>The history is kept from now on; issues imported before are listed with the time they were imported, files rejected then are not known.</source>
            <translation>导入记录从现在起保存；此前导入的各期按导入时间列出，当时被拒绝的文件无从得知。</translation>
        </message>
        <message>
            <source>The history is kept from %1; issues imported before are listed with the time they were imported, files rejected then are not known.</source>
            <translation>导入记录自 %1 起保存；此前导入的各期按导入时间列出，当时被拒绝的文件无从得知。</translation>
        </message>
        <message>
            <source>Year</source>
            <translation>年份</translation>
        </message>
        <message>
            <source>issues per publication and year.csv</source>
            <translation>各报刊逐年期数.csv</translation>
        </message>
        <message>
            <source>reporters.csv</source>
            <translation>记者署名统计.csv</translation>
        </message>
        <message>
            <source>import history.csv</source>
            <translation>导入记录.csv</translation>
        </message>
        <message>
            <source>Export as CSV</source>
            <translation>导出为 CSV</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Newspaper Reader</source>
            <extracomment>How long a closing window waits for running jobs to stop (they stop between two issues). Beside the library: which files of the user's watched folders were already handled. The issue calendar and the statistics dialog, while open (None until first asked for). The article shown: (issue id, ordinal). The catalog's records the tree shows (read off the GUI thread at start, again after each write). The article the reader asked for last, shown once its issue is read (see open_article). Issues are shown whole, as one scroll (View → Whole Issue), with each one's place remembered. The issue the pane shows whole, if it does.</extracomment>
            <translation>报刊阅览</translation>
        </message>
        <message>
            <source>Search the archive (Ctrl+F)</source>
            <translation>检索全部报刊（Ctrl+F）</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Correct Issue Details…</source>
            <translation>更正本期信息…</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>界面语言</translation>
        </message>
        <message>
            <source>Search Syntax</source>
            <translation>检索语法</translation>
        </message>
        <message>
            <source>%1 issues, %2 articles</source>
            <translation>%1 期，%2 篇文章</translation>
        </message>
        <message>
            <source>Reading-room mode: reading and searching only</source>
            <extracomment>Shows what another process or PC wrote to the library (a reading room's shared library). Set on a library that may only be read here (read_only): nothing changes it from this window.</extracomment>
            <translation>阅览室模式：仅供阅读和检索</translation>
        </message>
        <message>
            <source>Reading room</source>
            <translation>阅览室</translation>
        </message>
        <message>
            <source>Could not save %1: %2</source>
            <translation>无法保存 %1：%2</translation>
        </message>
        <message>
            <source>page %1</source>
            <translation>第%1版</translation>
        </message>
        <message>
            <source>reporters: %1</source>
            <translation>记者：%1</translation>
        </message>
        <message>
            <source>article %1 of %2</source>
            <translation>第 %1 篇，共 %2 篇</translation>
        </message>
        <message>
            <source>match %1 of %2</source>
            <translation>第 %1 处，共 %2 处</translation>
        </message>
        <message>
            <source>Drop to import these issues</source>
            <translation>松开即可导入这些报纸</translation>
        </message>
        <message>
            <source>疫苗 接种 — both words
疫苗 OR 核酸 — either
疫苗 -儿童 — without 儿童
"核酸检测采样" — the exact phrase
title:文明 — in the headline
date:2021-11 or date:2021-01-01..2021-12-31 — by date
publication:北碚报 — in that paper only</source>
            <translation>疫苗 接种 — 同时包含两个词
疫苗 OR 核酸 — 包含任一个
疫苗 -儿童 — 包含“疫苗”但不含“儿童”
"核酸检测采样" — 完全一致的短语
title:文明 — 只在标题中
date:2021-11 或 date:2021-01-01..2021-12-31 — 按日期
publication:北碚报 — 只在这份报纸中</translation>
        </message>
        <message>
            <source>The new language is used from the next start of the reader.</source>
            <translation>新的界面语言将在下次启动时生效。</translation>
        </message>
    </context>
    <context>
        <name>PasswordDialog</name>
        <message>
            <source>Password:</source>
            <translation>密码：</translation>
        </message>
        <message>
            <source>Again:</source>
            <translation>再输一遍：</translation>
        </message>
        <message numerus="yes">
            <source>At least %n characters.</source>
            <translation>
                <numerusform>至少 %n 个字符。</numerusform>
            </translation>
        </message>
        <message>
            <source>The two passwords differ.</source>
            <translation>两次输入的密码不一致。</translation>
        </message>
    </context>
    <context>
        <name>QFileDialog</name>
        <message>
            <source>&amp;Look in:</source>
            <translation>查找范围(&amp;L)：</translation>
        </message>
        <message>
            <source>Files of &amp;type:</source>
            <translation>文件类型(&amp;T)：</translation>
        </message>
    </context>
    <context>
        <name>ReadOnlyLibrary</name>
        <message>
            <source>Read only</source>
            <extracomment>How long the reason stays in the status bar after the window opens.</extracomment>
            <translation>只读</translation>
        </message>
    </context>
    <context>
        <name>ReadingRoomLock</name>
        <message>
            <source>Lock Reading-Room Mode</source>
            <translation>锁定阅览室模式</translation>
        </message>
        <message>
            <source>From the next start, the reader opens in reading-room mode on this computer: full screen, reading and searching only. Only this password turns it off again (File → Unlock Reading-Room Mode…). Lock the computer's own account as well.</source>
            <translation>从下次启动起，本机的报刊阅览将以阅览室模式打开：全屏，仅供阅读和检索。只有用此密码才能解除（文件 → 解除阅览室模式…）。请同时锁定本机的系统帐户。</translation>
        </message>
        <message>
            <source>Could not lock reading-room mode: %1</source>
            <translation>无法锁定阅览室模式：%1</translation>
        </message>
        <message>
            <source>Reading-Room Mode Locked</source>
            <translation>阅览室模式已锁定</translation>
        </message>
        <message>
            <source>Reading-room mode is locked. It starts the next time the reader opens.</source>
            <translation>阅览室模式已锁定，下次打开报刊阅览时生效。</translation>
        </message>
        <message>
            <source>Unlock Reading-Room Mode</source>
            <translation>解除阅览室模式</translation>
        </message>
        <message>
            <source>The archivist's password turns reading-room mode off for this computer.</source>
            <translation>输入管理员密码，解除本机的阅览室模式。</translation>
        </message>
        <message>
            <source>Could not unlock reading-room mode: %1</source>
            <translation>无法解除阅览室模式：%1</translation>
        </message>
        <message>
            <source>Wrong password.</source>
            <translation>密码不正确。</translation>
        </message>
        <message>
            <source>Reading-Room Mode Unlocked</source>
            <translation>阅览室模式已解除</translation>
        </message>
        <message>
            <source>Reading-room mode is unlocked: the reader opens as usual from the next start. Quit now?</source>
            <translation>阅览室模式已解除：从下次启动起照常打开。现在退出吗？</translation>
        </message>
    </context>
    <context>
        <name>SearchController</name>
        <message>
            <source>Searching…</source>
            <extracomment>Hits searched at a time: the first page with the search, the next ones as the reader scrolls to the end. The terms of the search whose hits are listed; an article opened from one of them highlights them.</extracomment>
            <translation>正在检索…</translation>
        </message>
    </context>
    <context>
        <name>SearchPanel</name>
        <message>
            <source>By relevance</source>
            <translation>按相关度</translation>
        </message>
        <message>
            <source>Newest first</source>
            <translation>最新在前</translation>
        </message>
        <message>
            <source>Dates, e.g. 2021-01..2021-12</source>
            <translation>日期，如 2021-01..2021-12</translation>
        </message>
        <message>
            <source>Only articles of these dates: a day (2021-11-09), a month (2021-11) or a range (2021-01..2021-12)</source>
            <translation>只列出这些日期的文章：某一天（2021-11-09）、某个月（2021-11）或一段时间（2021-01..2021-12）</translation>
        </message>
        <message>
            <source>Search all papers again</source>
            <extracomment>The paper the search is narrowed to ("" for all), shown as a button that removes it.</extracomment>
            <translation>重新查找全部报纸</translation>
        </message>
        <message>
            <source>Type in the search box and press Enter.</source>
            <extracomment>The query of the listed result (kept for "no article contains …"). Shown instead of a count while no result is listed.</extracomment>
            <translation>在检索框中输入后按回车。</translation>
        </message>
        <message>
            <source>%1 ✕</source>
            <translation>%1 ✕</translation>
        </message>
        <message>
            <source>No article of %2 contains “%1”.</source>
            <translation>%2 没有文章包含“%1”。</translation>
        </message>
        <message>
            <source>No article contains “%1”.</source>
            <translation>没有文章包含“%1”。</translation>
        </message>
        <message>
            <source>%1 articles found</source>
            <translation>找到 %1 篇文章</translation>
        </message>
        <message>
            <source> (%1 of %2 listed; scroll down for more)</source>
            <translation>（已列出 %1 / %2 篇，向下滚动查看更多）</translation>
        </message>
    </context>
    <context>
        <name>StatusProgress</name>
        <message>
            <source>Cancelling…</source>
            <extracomment>How long a job's closing message stays in the status bar. Jobs shown, in the order they began: what each said last, and whether Cancel stops it.</extracomment>
            <translation>正在取消…</translation>
        </message>
    </context>
    <context>
        <name>TimelineChart</name>
        <message>
            <source>%2 %1</source>
            <comment>a month of the timeline: %1 year, %2 month's name, %3 month's number</comment>
            <extracomment>Months a bar may hold: a month, a quarter, half a year, a year, then runs of years. The narrowest bar worth drawing, in pixels (its gap included). The bar chosen with the keyboard (its index in the bars), -1 for none.</extracomment>
            <translation>%1年%3月</translation>
        </message>
        <message>
            <source>1 article</source>
            <translation>1 篇</translation>
        </message>
        <message>
            <source>%1 articles</source>
            <translation>%1 篇</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <comment>a period of the timeline: its hits</comment>
            <translation>%1：%2</translation>
        </message>
    </context>
    <context>
        <name>WatchedFoldersDialog</name>
        <message>
            <source>Watched Folders</source>
            <translation>监视文件夹</translation>
        </message>
        <message>
            <source>New issue files in these folders are imported automatically. Files in the inbox are moved to its imported/ or rejected/ folder afterwards; files in your own folders are left where they are and remembered.</source>
            <translation>这些文件夹中出现的新报纸文件会自动导入。收件文件夹中的文件导入后移入其中的 imported/ 或 rejected/ 文件夹；您自己的文件夹中的文件保持原位，只作记录。</translation>
        </message>
        <message>
            <source>Inbox:</source>
            <translation>收件文件夹：</translation>
        </message>
        <message>
            <source>Add Folder…</source>
            <translation>添加文件夹…</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>移除</translation>
        </message>
        <message>
            <source>Watch Folder</source>
            <translation>选择要监视的文件夹</translation>
        </message>
    </context>
    <context>
        <name>Welcome</name>
        <message>
            <source>Read and search archives of digitized local newspapers. The issues are listed on the left by publication, year and month; an article is read here; search hits (Ctrl+F) are listed on the right.</source>
            <translation>阅读和检索数字化的地方报纸。左侧按报刊、年、月列出各期报纸，文章在这里阅读，检索（Ctrl+F）结果列在右侧。</translation>
        </message>
        <message>
            <source>The sample issues that come with the reader are being imported now; the newest of them opens here when they are ready.</source>
            <translation>正在导入随阅览器附带的示例报纸，导入完成后，这里会打开其中最新的一期。</translation>
        </message>
        <message>
            <source>To add your own issue files (.txt): drag files or folders onto this window, choose File → Import Files… or Import Folder…, or copy them into the inbox folder (File → Open Inbox Folder), which is watched while the reader is open.</source>
            <translation>添加您自己的报纸文件（.txt）：把文件或文件夹拖到本窗口，或选择“文件 → 导入文件…”或“导入文件夹…”，或把文件复制到收件文件夹（“文件 → 打开收件文件夹”），阅览器打开期间会自动导入其中的新文件。</translation>
        </message>
        <message>
            <source>Welcome to the Newspaper Reader</source>
            <translation>欢迎使用报刊阅览</translation>
        </message>
    </context>
    <context>
        <name>WindowActions</name>
        <message>
            <source>&amp;File</source>
            <extracomment>Interface languages offered in the View menu: (settings value, name in its own language).</extracomment>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <source>Import Files…</source>
            <extracomment>The commands that change the library (disabled on a library that may only be read).</extracomment>
            <translation>导入文件…</translation>
        </message>
        <message>
            <source>Import Folder…</source>
            <translation>导入文件夹…</translation>
        </message>
        <message>
            <source>Print…</source>
            <translation>打印…</translation>
        </message>
        <message>
            <source>Save Article as PDF…</source>
            <translation>将文章存为 PDF…</translation>
        </message>
        <message>
            <source>Open Inbox Folder</source>
            <extracomment>The commands that open a file dialog without changing the library (off in reading-room mode).</extracomment>
            <translation>打开收件文件夹</translation>
        </message>
        <message>
            <source>Watched Folders…</source>
            <translation>监视文件夹…</translation>
        </message>
        <message>
            <source>Open Data Folder</source>
            <translation>打开数据文件夹</translation>
        </message>
        <message>
            <source>Rebuild Index</source>
            <translation>重建索引</translation>
        </message>
        <message>
            <source>Back Up Library…</source>
            <translation>备份文库…</translation>
        </message>
        <message>
            <source>Lock Reading-Room Mode…</source>
            <extracomment>Reading-room mode at every start until unlocked (gui.reading_room_lock); the one shown depends on the mode.</extracomment>
            <translation>锁定阅览室模式…</translation>
        </message>
        <message>
            <source>Unlock Reading-Room Mode…</source>
            <translation>解除阅览室模式…</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>退出</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>编辑(&amp;E)</translation>
        </message>
        <message>
            <source>Find</source>
            <translation>查找</translation>
        </message>
        <message>
            <source>Copy Citation</source>
            <translation>复制引文</translation>
        </message>
        <message>
            <source>Copy Article with Citation</source>
            <translation>复制文章（含出处）</translation>
        </message>
        <message>
            <source>Citation Style</source>
            <translation>引文格式</translation>
        </message>
        <message>
            <source>Bookmark Article</source>
            <translation>加入书签</translation>
        </message>
        <message>
            <source>Add Note…</source>
            <translation>添加笔记…</translation>
        </message>
        <message>
            <source>Correct Issue Details…</source>
            <translation>更正本期信息…</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <source>Larger Text</source>
            <translation>放大文字</translation>
        </message>
        <message>
            <source>Smaller Text</source>
            <translation>缩小文字</translation>
        </message>
        <message>
            <source>Normal Text Size</source>
            <translation>默认文字大小</translation>
        </message>
        <message>
            <source>Dark Theme</source>
            <translation>深色主题</translation>
        </message>
        <message>
            <source>Full Screen</source>
            <translation>全屏</translation>
        </message>
        <message>
            <source>Whole Issue</source>
            <extracomment>Issues as one scroll of their articles (MainWindow.set_whole_issue), remembered.</extracomment>
            <translation>整期连读</translation>
        </message>
        <message>
            <source>Issue Calendar…</source>
            <translation>期次日历…</translation>
        </message>
        <message>
            <source>Library Statistics…</source>
            <translation>文库统计…</translation>
        </message>
        <message>
            <source>Bookmarks</source>
            <translation>书签</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>界面语言</translation>
        </message>
        <message>
            <source>System Language</source>
            <translation>跟随系统</translation>
        </message>
        <message>
            <source>&amp;Go</source>
            <translation>转到(&amp;G)</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>后退</translation>
        </message>
        <message>
            <source>Forward</source>
            <translation>前进</translation>
        </message>
        <message>
            <source>Previous Article</source>
            <translation>上一篇</translation>
        </message>
        <message>
            <source>Next Article</source>
            <translation>下一篇</translation>
        </message>
        <message>
            <source>Next Match</source>
            <translation>下一处匹配</translation>
        </message>
        <message>
            <source>Previous Match</source>
            <translation>上一处匹配</translation>
        </message>
        <message>
            <source>Issue Tree</source>
            <translation>报刊目录</translation>
        </message>
        <message>
            <source>Article</source>
            <translation>文章</translation>
        </message>
        <message>
            <source>Search Results</source>
            <translation>检索结果</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <source>Search Syntax</source>
            <translation>检索语法</translation>
        </message>
        <message>
            <source>Search</source>
            <translation>检索</translation>
        </message>
    </context>
</TS>
