"""The registration number (МБ) and tax number (ПИБ) check digits, on numbers the registers published.

Sources of the numbers (public documents, not numbers made by the code under test):
- Grad Novi Sad, МБ 08179115: Odluka o usklađivanju odluke o organizovanju JKP „Čistoća“,
  Službeni list Grada Novog Sada 9/2013, art. 2 (demo.paragraf.rs/demo/combined/Old/t/t2013_03/t03_0105.htm).
- NIS a.d. Novi Sad, МБ 20084693, ПИБ 104052135; Telekom Srbija a.d., МБ 17162543, ПИБ 100002887;
  Komercijalna banka a.d., МБ 07737068, ПИБ 100001931; Elektroprivreda Srbije, МБ 20053658, ПИБ 103920327:
  as the APR register publishes them, quoted in several public projects' test data and fixtures.
- Aleksandar Jovanović PR Cloud Source Vranje, МБ 63898465, ПИБ 109066968 (evident.rs/home/privacy).
- The test vectors of the validator the algorithm follows, oblakstudio/serbian-validators-php
  tests/validate-mb.php: 66143627 and 61629190 (its check digit 0 comes from a remainder of 1).
"""

import pytest

from django.core.exceptions import ValidationError
from django.utils import translation

from core.registry_numbers import (
    is_valid_registration_number,
    is_valid_tax_number,
    registration_check_digit,
    validate_registration_number,
    validate_tax_number,
    with_check_digit,
)

PUBLISHED_REGISTRATION_NUMBERS = {
    "08179115": "Град Нови Сад",
    "20084693": "NIS a.d. Novi Sad",
    "17162543": "Telekom Srbija a.d.",
    "07737068": "Komercijalna banka a.d.",
    "20053658": "Elektroprivreda Srbije",
    "63898465": "Aleksandar Jovanović PR, Vranje",
    "66143627": "oblakstudio/serbian-validators test vector",
    "61629190": "oblakstudio/serbian-validators-php test vector (remainder 1, check digit 0)",
}
PUBLISHED_TAX_NUMBERS = {
    "104052135": "NIS a.d. Novi Sad",
    "100002887": "Telekom Srbija a.d.",
    "100001931": "Komercijalna banka a.d.",
    "103920327": "Elektroprivreda Srbije",
    "109066968": "Aleksandar Jovanović PR, Vranje",
}


def one_digit_off(number: str) -> list[str]:
    """The number with its last digit replaced by each other digit."""
    return [number[:-1] + str(digit) for digit in range(10) if str(digit) != number[-1]]


@pytest.mark.parametrize("number", PUBLISHED_REGISTRATION_NUMBERS)
def test_published_registration_numbers_pass_and_any_other_last_digit_fails(number):
    assert is_valid_registration_number(number), PUBLISHED_REGISTRATION_NUMBERS[number]
    validate_registration_number(number)
    assert not any(is_valid_registration_number(wrong) for wrong in one_digit_off(number))


@pytest.mark.parametrize("number", PUBLISHED_REGISTRATION_NUMBERS)
def test_the_demo_and_factory_helper_completes_published_numbers_exactly(number):
    assert registration_check_digit(number[:7]) == int(number[7])
    assert with_check_digit(number[:7]) == number


@pytest.mark.parametrize("number", PUBLISHED_TAX_NUMBERS)
def test_published_tax_numbers_pass_and_any_other_last_digit_fails(number):
    assert is_valid_tax_number(number), PUBLISHED_TAX_NUMBERS[number]
    validate_tax_number(number)
    assert not any(is_valid_tax_number(wrong) for wrong in one_digit_off(number))


@pytest.mark.parametrize("value", ["", "1716254", "171625430", "1716254a", "17 162 543", "١٧١٦٢٥٤٣", "RS17162543"])
def test_a_registration_number_is_eight_ascii_digits(value):
    assert not is_valid_registration_number(value)
    with pytest.raises(ValidationError) as raised:
        validate_registration_number(value)
    assert raised.value.code == "registration_number"


@pytest.mark.parametrize("value", ["", "10405213", "1040521350", "RS104052135", "104 052 135", "104-052-135"])
def test_a_tax_number_is_nine_ascii_digits_without_separators(value):
    assert not is_valid_tax_number(value)


def test_a_wrong_check_digit_is_explained_in_the_visitors_language():
    with translation.override("sr-cyrl"), pytest.raises(ValidationError) as raised:
        validate_registration_number("17162544")
    assert raised.value.code == "registration_number_check_digit"
    assert "контролна цифра" in raised.value.messages[0]
    with translation.override("sr-cyrl"), pytest.raises(ValidationError) as raised:
        validate_tax_number("104052136")
    assert "ПИБ" in raised.value.messages[0]
