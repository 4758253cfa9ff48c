"""Dargah's domain: identity, Persian text, cases, tracking codes, topics, dedup and intake.

Standard library and msgspec only: no web, database, queue, SMPP, OCR or ASR library is imported here.
"""
