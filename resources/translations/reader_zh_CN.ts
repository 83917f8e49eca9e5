<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>PlaceholderWindow</name>
    <message>
        <location filename="../../reader/gui/app.py" line="62"/>
        <source>Newspaper Reader</source>
        <translation>报刊阅览</translation>
    </message>
    <message>
        <location filename="../../reader/gui/app.py" line="71"/>
        <source>%1 issues, %2 articles</source>
        <translation>%1 期，%2 篇文章</translation>
    </message>
    <message>
        <location filename="../../reader/gui/app.py" line="74"/>
        <source>Importing %1 / %2</source>
        <translation>正在导入 %1 / %2</translation>
    </message>
</context>
</TS>
