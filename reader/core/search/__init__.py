"""Search: the index's analysis, fields and codec (whoosh27), writing it, and searching it.

Importing the package installs light_imports' hook, so that Whoosh, when a
module here imports it, leaves out modules it never uses here.
"""

from reader.core.search import light_imports

light_imports.install()
