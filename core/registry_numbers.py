"""Serbian registry numbers with their check digits: the registration number (МБ) and the tax number (ПИБ).

A typo in either number is caught where it is typed: both end in a check digit.

Registration number (матични број, МБ) of a legal entity or entrepreneur: 8 digits, the last a
MOD 11 check digit over the first seven, weighted 2, 3, 4, 5, 6, 7, 2 from the right; a remainder
r gives the check digit 11 - r, and 0 when that is 10 or 11 (remainder 1 or 0), as in the JMBG.
This is the rule of the validator oblakstudio/serbian-validators-php (src/utils.php mod11, where
PHP's loose comparison makes remainder 1 match the digit 0; tests/validate-mb.php accepts 61629190)
and of its TypeScript twin oblakstudio/serbian-validators (lib/utils.ts, lib/mb-validator.ts), which
refuses remainder 1. It holds for the numbers the registers publish: tests/core/test_registry_numbers.py
lists them with their sources.

Tax number (порески идентификациони број, ПИБ): 9 digits, the last an ISO 7064 MOD 11,10 check
digit; python-stdnum's stdnum.rs.pib checks it.
"""

from stdnum.rs import pib

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

REGISTRATION_NUMBER_WEIGHTS = (2, 7, 6, 5, 4, 3, 2)  # the first seven digits, left to right


def registration_check_digit(first_seven: str) -> int:
    """The check digit that completes these seven digits."""
    if len(first_seven) != 7 or not (first_seven.isascii() and first_seven.isdigit()):
        raise ValueError("seven ASCII digits expected")
    weighted = zip(first_seven, REGISTRATION_NUMBER_WEIGHTS, strict=True)
    remainder = sum(int(digit) * weight for digit, weight in weighted) % 11
    return (11 - remainder) % 11 % 10


def with_check_digit(first_seven: str) -> str:
    """A well-formed registration number from its first seven digits (test and demo data, never real ones)."""
    return f"{first_seven}{registration_check_digit(first_seven)}"


def is_valid_registration_number(value: str) -> bool:
    value = value or ""
    if len(value) != 8 or not (value.isascii() and value.isdigit()):
        return False
    return registration_check_digit(value[:7]) == int(value[7])


def is_valid_tax_number(value: str) -> bool:
    value = value or ""
    # stdnum also accepts separators and an "RS" prefix; the form asks for the nine digits only.
    return len(value) == 9 and value.isascii() and value.isdigit() and pib.is_valid(value)


def validate_registration_number(value: str) -> None:
    if not (value and value.isascii() and value.isdigit() and len(value) == 8):
        raise ValidationError(_("The registration number has exactly 8 digits."), code="registration_number")
    if not is_valid_registration_number(value):
        raise ValidationError(
            _(
                "This is not a valid registration number: its last digit (the check digit) does not match."
                " Please check it."
            ),
            code="registration_number_check_digit",
        )


def validate_tax_number(value: str) -> None:
    if not is_valid_tax_number(value):
        raise ValidationError(_("This is not a valid tax ID: 9 digits with a correct check digit."), code="pib")
