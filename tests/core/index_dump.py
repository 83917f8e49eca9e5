"""Everything a Whoosh index holds, as plain data: to check that two ways of writing agree."""

from __future__ import annotations


def dump_index(ix) -> dict:
    """Terms (with term info and postings), stored fields and field lengths of every live document."""
    with ix.reader() as reader:
        terms = []
        for field, term in reader.all_terms():
            info = reader.term_info(field, term)
            matcher = reader.postings(field, term)
            postings = []
            while matcher.is_active():
                postings.append((matcher.id(), matcher.weight(), matcher.value()))
                matcher.next()
            terms.append((field, term, info.doc_frequency(), info.min_length(), info.max_length(), postings))
        scorable = [name for name, field in ix.schema.items() if field.scorable]
        documents = [
            (doc, stored, [reader.doc_field_length(doc, name) for name in scorable])
            for doc, stored in reader.iter_docs()
        ]
        return {"terms": terms, "documents": documents}
