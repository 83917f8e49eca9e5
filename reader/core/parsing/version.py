"""The parser's version, apart from the parser: the search index names it without loading the parser."""

#: Bump when what the parser makes of a file changes (articles, their order, metadata):
#: libraries indexed by an older parser are re-indexed on the next start (index_files.INDEX_VERSION).
PARSER_VERSION = 2
