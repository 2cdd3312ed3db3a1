"""Whether an uploaded signed PDF is a signature of a given PDF and nothing else (free of Odoo)."""
from io import BytesIO

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.reader import PdfFileReader

# What a signing tool changes in the objects of the file it signs: the pages gain the signature's widget
# annotation, the catalogue its form (and permissions, document security store, XMP metadata); the document
# information dictionary gets a new modification date and producer.
SIGNING_PAGE_KEYS = {"/Annots"}
SIGNING_CATALOG_KEYS = {"/AcroForm", "/Perms", "/DSS", "/Metadata", "/Extensions", "/Version", "/NeedsRendering"}


def _id(reference):
    return (reference.idnum, reference.generation)


def _key(value):
    return _id(value.reference) if isinstance(value, generic.IndirectObject) else value


def _annotation_arrays(reader, revision):
    """The indirect /Annots arrays of the pages at ``revision`` (a signature appends its widget to them)."""
    resolver = reader.get_historical_resolver(revision)
    arrays, pages = set(), [resolver.root.raw_get("/Pages")]
    while pages:
        node = pages.pop().get_object()
        if "/Kids" in node:
            pages.extend(node["/Kids"])
        elif "/Annots" in node and isinstance(node.raw_get("/Annots"), generic.IndirectObject):
            arrays.add(_key(node.raw_get("/Annots")))
    return arrays


def _appended_only(before, after):
    """An annotation array that only gained widgets (a signature field's) at its end."""
    before, after = list(before or []), list(after or [])
    if [_key(item) for item in before] != [_key(item) for item in after[:len(before)]]:
        return False
    return all(item.get_object().get("/Subtype") == "/Widget" for item in after[len(before):])


def _changed_keys(before, after):
    keys = set(before) | set(after)
    return {k for k in keys if _key(before.raw_get(k) if k in before else None)
            != _key(after.raw_get(k) if k in after else None)}


def signature_of(signed, source):
    """The field name of the first signature of ``signed`` if that signature was made on ``source`` itself: the
    file starts with the bytes of ``source`` (a signature appends an incremental update), the signature belongs to
    the first revision after them, and this revision changed no object of ``source`` beyond what signing adds (pages' annotations, the
    catalogue's form, the document information); else None. Later revisions are judged by the signatures' own
    validation (changes after a signature)."""
    if not source or not signed.startswith(source):
        return None
    try:
        base = PdfFileReader(BytesIO(source), strict=False).xrefs.total_revisions
        reader = PdfFileReader(BytesIO(signed), strict=False)
        signatures = reader.embedded_signatures
        first = min(signatures, key=lambda s: s.signed_revision) if signatures else None
        if first is None or first.signed_revision != base:
            return None
        if reader.xrefs.refs_freed_in_revision(base):
            return None
        old = reader.get_historical_resolver(base - 1)
        info = reader.trailer_view.raw_get("/Info") if "/Info" in reader.trailer_view else None
        info_id = _key(info) if isinstance(info, generic.IndirectObject) else None
        catalog_id = _id(reader.root_ref)
        annotation_arrays = _annotation_arrays(reader, base - 1)
        for ref in reader.xrefs.explicit_refs_in_revision(base):
            if _id(ref) == info_id or reader.xrefs.get_introducing_revision(ref) == base:
                continue  # the information dictionary, or a new object of the signature
            before = old.get_object(ref)
            after = reader.get_object(ref, revision=base)
            if _id(ref) in annotation_arrays and isinstance(after, generic.ArrayObject):
                if _appended_only(before, after):
                    continue
                return None
            if isinstance(before, generic.StreamObject) or not isinstance(before, generic.DictionaryObject):
                return None
            allowed = SIGNING_CATALOG_KEYS if _id(ref) == catalog_id else (
                SIGNING_PAGE_KEYS if before.get("/Type") == "/Page" else set())
            if not isinstance(after, generic.DictionaryObject):
                return None
            changed = _changed_keys(before, after)
            if not changed <= allowed or ("/Annots" in changed and not _appended_only(
                    before.get("/Annots"), after.get("/Annots"))):
                return None
        return first.field_name
    except Exception:  # noqa: BLE001 - a file pyHanko cannot read is not the document signed
        return None
