#!/usr/bin/env python3
"""Merge an addon's fresh .pot into its vi.po, keeping existing translations.

    scripts/i18n_merge.py ADDON [translations.json]

translations.json maps msgid -> msgstr for new entries. Strings that are already Vietnamese
(printed layouts, data names) are copied as they are. Prints the msgids still untranslated and
exits 1 if any remain, so a release never ships an incomplete vi.po.
"""
import json
import re
import sys
from pathlib import Path

import polib

VIETNAMESE = re.compile(r"[ăâđêôơưĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]", re.I)


ARTICLE = re.compile(r"Đ\d[\w.]*|\([^)]*\)")


def is_vietnamese(text):
    """Vietnamese text (a printed layout, a data name), not English citing an article (Đ18.1) or a term in brackets."""
    return len(VIETNAMESE.findall(ARTICLE.sub("", text))) >= 3


def main():
    addon = Path(__file__).resolve().parent.parent / "addons" / sys.argv[1]
    extra = json.loads(Path(sys.argv[2]).read_text()) if len(sys.argv) > 2 else {}
    pot = polib.pofile(str(addon / "i18n" / ("%s.pot" % addon.name)))
    po_path = addon / "i18n" / "vi.po"
    po = polib.pofile(str(po_path)) if po_path.exists() else polib.POFile()
    old = {(e.msgctxt, e.msgid): e.msgstr for e in po if e.msgstr}
    merged = polib.POFile()
    merged.metadata = po.metadata or {"Language": "vi", "MIME-Version": "1.0",
                                      "Content-Type": "text/plain; charset=UTF-8",
                                      "Content-Transfer-Encoding": "", "Plural-Forms": "nplurals=1; plural=0;"}
    missing = []
    for entry in pot:
        msgstr = old.get((entry.msgctxt, entry.msgid)) or extra.get(entry.msgid)
        if not msgstr and (is_vietnamese(entry.msgid) or entry.msgid.startswith("'")):
            msgstr = entry.msgid
        if not msgstr:
            missing.append(entry.msgid)
        merged.append(polib.POEntry(msgid=entry.msgid, msgctxt=entry.msgctxt, msgstr=msgstr or "",
                                    occurrences=entry.occurrences, comment=entry.comment, flags=entry.flags))
    merged.save(str(po_path))
    for msgid in missing:
        print("untranslated:", repr(msgid))
    sys.exit(1 if missing else 0)


if __name__ == "__main__":
    main()
