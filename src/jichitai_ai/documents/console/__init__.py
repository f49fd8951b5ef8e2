"""Staff console pages for documents (文書検索): search with located, highlighted passages and
links that open the source there; collections, uploads, deletion and FAQ drafts.

The pages live inside the staff console (login, CSRF, roles, templates) and call the documents
service (:func:`jichitai_ai.documents.documents_for`); they add no storage of their own.
"""
