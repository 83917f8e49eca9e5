"""The engine: decoding, parsing, the library and search. Never imports Qt."""
