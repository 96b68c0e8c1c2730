"""Derive kit/wording/words/es-words.txt.gz, the Spanish word list, from pyspellchecker's Spanish data (MIT).

Two lists from the same project, Tyler Barrus' pyspellchecker (MIT licence),
both counted in the OpenSubtitles 2018 corpus:

- the headwords: the Spanish list of the installed pyspellchecker (0.8 and
  later keep only words of a Spanish headword list, so no plurals or verb
  forms: "días", "está" and "semanas" are missing);
- the forms in use: the Spanish list of pyspellchecker 0.7.3, before that
  filter (every form seen at least 51 times, but with subtitles' misspellings:
  "dias", "tambien", "aqui").

A form in use is dropped when a spelling of the same letters with more accents
is far more common ("dias" beside "días"; "fotografias", though the rules
derive it from "fotografiar", beside "fotografías"). Else it is kept when it
is a headword, a regular form of one by the rules of kit/wording/words/es.yml
(accents included: "sesiones" from "sesión", not "sesion"), a verb form with
pronouns written onto it, or common (at least COMMON times; an English word
ENGLISH_COMMON times: that keeps irregular verbs, "puede", "tiene", "fue") and
not a slip: a sound-alike of a far more common derived form ("proteje" beside
"protege") or one letter from one ("intrucciones" beside "instrucciones").

    .venv/bin/pip download --no-deps pyspellchecker==0.7.3 -d /tmp/pyspell073
    .venv/bin/python scripts/derive_spanish_words.py /tmp/pyspell073/pyspellchecker-0.7.3-py3-none-any.whl
"""

from __future__ import annotations

import gzip
import json
import pkgutil
import re
import sys
import zipfile
from collections import defaultdict
from collections.abc import Callable

from kit.wording.languages import WORDS, load_language
from kit.wording.wordlists import english_words

OUTPUT = WORDS / "es-words.txt.gz"
COMMON = 100  # a form seen this often is kept though no rule derives it (irregular verbs, "hidratante")
ENGLISH_COMMON = 1000  # ... but an English word from a subtitle ("photo", "tree") only when seen this often
SIBLING_SHARE = 0.5  # ... unless a spelling with other accents is this much more common
# Letters that sound alike in Spanish, the misspellings subtitles are full of ("proteje" for "protege").
SOUND_ALIKE = (
    ("j", "g"),
    ("g", "j"),
    ("b", "v"),
    ("v", "b"),
    ("s", "c"),
    ("c", "s"),
    ("s", "z"),
    ("z", "s"),
    ("c", "z"),
    ("z", "c"),
    ("y", "ll"),
    ("ll", "y"),
)
MISHEARD_SHARE = 20  # a common form is a misspelling when a sound-alike derived spelling is this many times more common
MISTYPED_SHARE = 100  # ... or when a derived spelling one letter away (dropped, added, changed) is this many times more common
LETTERS = re.compile(r"[a-zñáéíóúü]+")
STRESS_MARKS = set("áéíóú")


def main(wheel: str) -> None:
    language = load_language("es")
    headwords = json.loads(gzip.decompress(pkgutil.get_data("spellchecker", "resources/es.json.gz") or b""))
    with zipfile.ZipFile(wheel) as archive:
        in_use = json.loads(gzip.decompress(archive.read("spellchecker/resources/es.json.gz")))
    # A reflexive verb is listed as "arrepentirse": its forms come from "arrepentir".
    headwords.update({word[:-2]: count for word, count in headwords.items() if word.endswith(("arse", "erse", "irse", "írse"))})
    spelled: dict[str, list[str]] = defaultdict(list)
    for word in headwords:
        spelled[language.fold(word)].append(word)
    # For each spelling without accents, the count of its most common spelling with as many marks or more:
    # a form with fewer marks than a more common one is a missing accent ("dias"); "cómo" beside "como" is not.
    by_letters: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
    for word, count in in_use.items():
        by_letters[language.fold(word)].append((word, _marks(word), count))

    def better_spelled(word: str, only_hiatus: bool = False) -> int:
        """The count of the most common other spelling with as many accents; with `only_hiatus`, of one whose extra
        accent splits two vowels (fotografías): "practicas" and "prácticas" are two regular words, "fotografias" a slip."""
        return max(
            (
                count
                for other, marks, count in by_letters[language.fold(word)]
                if other != word and marks >= _marks(word) and (not only_hiatus or language.has_hiatus_mark(other))
            ),
            default=0,
        )

    def from_headword(word: str) -> bool:
        if any(base in headwords for base in language.bases(word, lambda folded: spelled.get(folded, ()))):
            return True
        return any(base in headwords or base in in_use for base in language.clitic_bases(word))

    kept = {word: count for word, count in headwords.items() if _is_spanish(word)}
    dropped = []
    common_forms = {}
    for word, count in in_use.items():
        if word in kept or not _is_spanish(word):
            continue
        threshold = ENGLISH_COMMON if word in english_words() else COMMON
        common = count >= threshold
        derived = from_headword(word)
        if count < SIBLING_SHARE * better_spelled(word, only_hiatus=derived):
            dropped.append(word)  # "dias" beside "días", "fotografias" (by rule from "fotografiar") beside "fotografías"
        elif derived:
            kept[word] = max(count, kept.get(word, 0))
        elif common and not _misheard(word, count, in_use, lambda other: other in headwords or from_headword(other)):
            common_forms[word] = count
        else:
            dropped.append(word)
    # A common form no rule derives, one letter from a far more common trusted word, is a slip ("intrucciones").
    trusted = {word: count for word, count in kept.items()}
    trusted.update((word, count) for word, count in in_use.items() if word in kept)
    near = _one_letter_index(trusted)
    for word, count in common_forms.items():
        if any(trusted.get(other, 0) >= MISTYPED_SHARE * count for other in _one_letter_away(word, near)):
            dropped.append(word)
        else:
            kept[word] = count
    lines = [f"{word} {count}" for word, count in sorted(kept.items())]
    header = "# Spanish words and how often each is used: derived by scripts/derive_spanish_words.py (README there)\n"
    OUTPUT.write_bytes(gzip.compress((header + "\n".join(lines) + "\n").encode("utf-8"), mtime=0))
    print(
        f"{len(kept):,} words kept ({len(headwords):,} headwords), {len(dropped):,} forms in use dropped; e.g.",
        sorted(dropped)[:: max(1, len(dropped) // 40)],
    )


def _misheard(word: str, count: int, in_use: dict[str, int], trusted: Callable[[str], bool]) -> bool:
    """Whether a sound-alike spelling, a headword or derived from one, is far more common ("proteger" beside "protejer")."""
    for written, sounds in SOUND_ALIKE:
        start = word.find(written)
        while start >= 0:
            other = word[:start] + sounds + word[start + len(written) :]
            if in_use.get(other, 0) >= MISHEARD_SHARE * count and trusted(other):
                return True
            start = word.find(written, start + 1)
    return False


def _one_letter_index(words: dict[str, int]) -> dict[str, list[str]]:
    """Each word under itself and under every spelling with one letter left out (for finding words one edit away)."""
    index: dict[str, list[str]] = defaultdict(list)
    for word in words:
        index[word].append(word)
        for position in range(len(word)):
            index[word[:position] + word[position + 1 :]].append(word)
    return index


def _one_letter_away(word: str, index: dict[str, list[str]]) -> set[str]:
    """The indexed words one letter dropped, added or changed from `word`."""
    found = set(index.get(word, ()))
    for position in range(len(word)):
        found.update(index.get(word[:position] + word[position + 1 :], ()))
    found.discard(word)
    return found


def _marks(word: str) -> int:
    return sum(letter in STRESS_MARKS or letter in "ñü" for letter in word)


def _is_spanish(word: str) -> bool:
    """Spanish letters only, at most one stress mark (pyspellchecker's own rule)."""
    return LETTERS.fullmatch(word) is not None and sum(letter in STRESS_MARKS for letter in word) <= 1


if __name__ == "__main__":
    main(sys.argv[1])
