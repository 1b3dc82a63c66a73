"""Readers: one module per input format (text, pdf, pacer, courtlistener), each exposing
``sniff``, ``read`` (bytes -> Document) and ``extract`` (Document -> Extraction), chosen by
the registry; plus byte decoding. Readers call the field rules in ``ingest/fields``."""
