"""Synthetic corpus for benchmarks: N records in four languages with the real content's vocabulary.

Words are drawn from the bundled content (per language, Zipf-weighted by their real frequency), and
record lengths follow the real records (titles 4-12 words, summaries 15-40, bodies 60-260), so the index
sees the same kind of terms and postings as in production, only more of them.
"""
from __future__ import annotations

import random
from collections import Counter

from desktop import paths
from desktop.core import languages, textnorm
from desktop.core import model as m
from desktop.core.content import Content, load_content


def vocabulary(content: Content) -> dict[str, list[tuple[str, int]]]:
    counts = {lang: Counter() for lang in languages.CONTENT}
    for record in content.records:
        for lang, text in record.texts.items():
            counts[lang].update(w for w in textnorm.tokens(f"{text.title} {text.summary} {text.body}")
                                if len(w) > 1)
    return {lang: c.most_common() for lang, c in counts.items()}


def _sentence(rng: random.Random, words: list[str], weights: list[float], n: int) -> str:
    return " ".join(rng.choices(words, weights=weights, k=n))


def synthetic_content(n: int, seed: int = 7) -> Content:
    """A valid Content of `n` records built from the real content's regions, countries and words."""
    real = load_content(paths.content_dir())
    vocab = vocabulary(real)
    table = {lang: ([w for w, _ in v], [c ** 0.8 for _, c in v]) for lang, v in vocab.items()}
    rng = random.Random(seed)
    regions = [r.code for r in real.regions]
    out = Content(regions=real.regions, countries=real.countries,
                  federal_districts=real.federal_districts, topic_words=real.topic_words,
                  search_words=real.search_words, dataset_version="2099.01.1")
    kinds = ["procedure", "agreement", "contact"]
    for i in range(n):
        kind = kinds[i % 3]
        texts = {}
        for lang in languages.CONTENT:
            words, weights = table[lang]
            texts[lang] = m.Text(
                title=_sentence(rng, words, weights, rng.randint(4, 12)).capitalize(),
                summary=_sentence(rng, words, weights, rng.randint(15, 40)) + ".",
                body="\n".join("- " + _sentence(rng, words, weights, rng.randint(8, 20))
                               for _ in range(rng.randint(5, 14))),
                translation="draft")
        common = dict(id=f"synthetic-{i:06d}", kind=kind, texts=texts, status=rng.choice(m.STATUSES),
                      verified_on="2026-11-24", sources=[m.Source(url="https://example.org/", publisher="bench")],
                      regions=[m.ALL] if rng.random() < 0.7 else rng.sample(regions, 2))
        citizenship = [rng.choice(["UZ", "KG", "TJ", m.ALL])]
        if kind == "procedure":
            words, weights = table["ru"]
            steps = [m.Step(text={lang: _sentence(rng, *table[lang], 10) for lang in languages.CONTENT},
                            deadlines=[m.Deadline(days=rng.choice([7, 15, 30]))]) for _ in range(rng.randint(2, 6))]
            record = m.Procedure(**common, applies_to=citizenship, topic=rng.choice(m.TOPICS), steps=steps,
                                 legal_basis=[m.LegalBasis(law={"en": "Law"})])
        elif kind == "agreement":
            record = m.Agreement(**common, applies_to=citizenship, agreement_type=rng.choice(m.AGREEMENT_TYPES),
                                 parties=["RU", "UZ"])
        else:
            record = m.Contact(**common, serves=citizenship, type=rng.choice(m.CONTACT_TYPES),
                               region=rng.choice(regions),
                               district=m.District(regions=rng.sample(regions, 3), source=None))
        out.records.append(record)
    return out


def queries(content: Content, n: int, seed: int = 11) -> list[str]:
    """`n` realistic queries: 1-3 words from one language, some with a different ending."""
    vocab = vocabulary(content)
    rng = random.Random(seed)
    out = []
    for i in range(n):
        lang = languages.CONTENT[i % 4]
        words = [w for w, c in vocab[lang][:600] if len(w) > 3]
        out.append(" ".join(rng.sample(words, rng.choice([1, 1, 2, 2, 3]))))
    return out


def typo(word: str, rng: random.Random) -> str:
    """One edit inside a word (never the first letter)."""
    if len(word) < 5:
        return word + word[-1]
    i = rng.randint(1, len(word) - 2)
    op = rng.choice(["drop", "swap", "double"])
    if op == "drop":
        return word[:i] + word[i + 1:]
    if op == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    return word[:i] + word[i] + word[i:]
