"""The clinic's phone number as a link a patient's phone dials: the number typed, made dialable.

Clinics write numbers as their patients read them: `+44 (0)20 7946 1234`,
`0800 SKIN CARE`, `+1 212 555 0142 ext. 12`. Keeping only the digits made
`tel:+4402079461234` (the trunk `0` dialled abroad), `tel:0800`, and an
extension's digits dialled as part of the number. phonenumbers (the Python
port of Google's libphonenumber, Apache-2.0; the "lite" package without
geocoding data, about 0.5 MB) knows every country's numbering plan: a number
written with its country code becomes E.164 (`tel:+442079461234`), letters
become keypad digits, an extension becomes `;ext=12`, and a number that is
too short or too long for its country is refused at its line in clinic.yml.
A number without a country code can only be dialled inside its country: it
keeps its own digits (letters mapped, extension split off).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import phonenumbers


@dataclass(frozen=True)
class PhoneProblem:
    """Why a number cannot be dialled from a link."""

    problem: str
    advice: str


# `ext. 12`, `ext 12`, `extension 12`, `x12`, `#12`, `;ext=12` at the end of a national number.
_EXTENSION = re.compile(r"\s*(?:;\s*ext=|\bext(?:ension)?\.?|\bx|#)\s*(\d+)\s*$", re.I)
# Digits and the signs people write between them; letters (0800 SKIN CARE) after a first digit, as on a keypad.
_ALLOWED = re.compile(r"[0-9A-Za-z+()./\s\-–#;=]+")


def tel_link(typed: str) -> str:
    """`tel:` and the number a phone dials for what the clinic typed ("" for no number).

    Only for a number `phone_problem` accepts (clinic.yml is checked when it is read).
    """
    typed = typed.strip()
    if not typed:
        return ""
    if typed.startswith("+"):
        number = phonenumbers.parse(typed, None)
        link = "tel:" + phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        return link + (f";ext={number.extension}" if number.extension else "")
    extension = _EXTENSION.search(typed)
    main = typed[: extension.start()] if extension else typed
    digits = phonenumbers.normalize_digits_only(phonenumbers.convert_alpha_characters_in_number(main))
    return "tel:" + digits + (f";ext={extension.group(1)}" if extension else "")


def phone_problem(typed: str) -> PhoneProblem | None:
    """What keeps a patient's phone from dialling the number, or None."""
    typed = typed.strip()
    if not _ALLOWED.fullmatch(typed) or not re.match(r"[+(0-9]", typed):
        return PhoneProblem(
            f"`{typed}` has characters a phone number does not have",
            "Write the number with digits, spaces and + only, for example +44 20 7946 1234",
        )
    if typed.startswith("+"):
        try:
            number = phonenumbers.parse(typed, None)
        except phonenumbers.NumberParseException:
            number = None
        # Only a whole number: "possible locally" (without its area code) is not a number a caller from elsewhere can dial.
        reason = phonenumbers.is_possible_number_with_reason(number) if number is not None else None
        if reason != phonenumbers.ValidationResult.IS_POSSIBLE:
            return PhoneProblem(
                f"`{typed}` is not a number a phone can dial: after the country code it has too few or too many digits",
                "Check the number; write it with its country code, as callers from abroad dial it, for example +44 20 7946 1234",
            )
        return None
    extension = _EXTENSION.search(typed)
    main = typed[: extension.start()] if extension else typed
    digits = phonenumbers.normalize_digits_only(phonenumbers.convert_alpha_characters_in_number(main))
    if len(digits) < 3 or len(digits) > 15:
        return PhoneProblem(
            f"`{typed}` is not a number a phone can dial ({len(digits)} digits)",
            "Check the number; write it with its country code, for example +44 20 7946 1234",
        )
    return None
