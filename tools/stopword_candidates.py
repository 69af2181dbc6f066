"""Candidates for db/content/stopwords.yaml: the words that occur in the most records, per language.

The lists for uz, ky and en in stopwords.yaml were chosen by hand from this script's output (function words,
question words and pronouns kept; domain words such as "patent", "ish", "иш" left out). Russian starts from
Snowball's list instead. Usage: python tools/stopword_candidates.py [--top 150] [--lang uz]
"""
from __future__ import annotations

import argparse
from collections import Counter

from desktop import paths
from desktop.core import languages, textnorm
from desktop.core.content import load_content


def record_words(record, lang: str) -> set[str]:
    text = record.texts.get(lang)
    if text is None:
        return set()
    words = textnorm.tokens(" ".join((text.title, text.summary, text.body)))
    return {w.lower() for w in words if not w.isdigit()}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--top", type=int, default=150)
    parser.add_argument("--lang", choices=languages.CONTENT, action="append")
    args = parser.parse_args()
    content = load_content(paths.content_dir())
    for lang in args.lang or [lang for lang in languages.CONTENT if lang != "ru"]:
        df: Counter[str] = Counter()
        for record in content.records:
            df.update(record_words(record, lang))
        n = len(content.records)
        print(f"## {lang}: words by the share of records holding them ({n} records)")
        print(" ".join(f"{w}:{c * 100 // n}" for w, c in df.most_common(args.top)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
